use hedui::source::Source;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let src = Source::from_bytes(path, &bytes).unwrap();
    let set = hedui::RuleSet::default_set();
    for f in hedui::check(&src, &set) { println!("{:#?}", f); }
}
