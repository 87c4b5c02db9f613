//! What hedui knows of the words of Chinese statistical prose, as data: `lexicon/*.json`.
//!
//! Every word list extraction reads lives in a file of its own, compiled in by `build.rs` and
//! extendable with `--lexicon DIR` or `lexicon` in `hedui.json`, so a newsroom can add a verb,
//! a region or a period word without Rust. Each file carries examples that `cargo test` runs
//! (`tests/lexicon_examples.rs`), as Duckling's corpus files do.
//!
//! A list that takes in others names them (`include`), and a word may be written in one list
//! only: `label-trailing` includes `change-verbs`, so a verb of change added there is trimmed
//! from labels too, and the two cannot drift apart.
//!
//! The lexicon is read once per process: [`install`] sets an extended one before the first
//! draft is read, and [`get`] gives the installed one, or the default.

pub mod spec;

use crate::extract::Qualifier;
use crate::rules::locate_string;
use crate::rules::RuleError;
use crate::text::fxhash::FxHashMap;
use crate::text::words::WordSet;
use spec::ListSpec;
use std::path::Path;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/default_lexicon.rs"));

/// The tags a list's words carry, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tags {
    None,
    /// `+` or `-`: the sign a verb of change gives its figure.
    Sign,
    /// `above`, `below`, `nearly`, `about`: how a qualifier widens its figure.
    Qualifier,
    /// Any name: the concept a measure's name stands for, the way of cutting a body of people
    /// (`sex`, `age`), the period a period word names (`1-6月`).
    Name,
}

macro_rules! lists {
    ($($variant:ident = $name:literal, $tags:ident;)*) => {
        /// The lists hedui reads. A file's `id` must name one of them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum List { $($variant),* }

        impl List {
            pub const ALL: &'static [List] = &[$(List::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(List::$variant => $name),* }
            }

            fn tags(self) -> Tags {
                match self { $(List::$variant => Tags::$tags),* }
            }

            pub fn from_name(s: &str) -> Option<List> {
                match s { $($name => Some(List::$variant),)* _ => None }
            }
        }
    };
}

lists! {
    ChangeVerbs = "change-verbs", Sign;
    ChangeVerbsShort = "change-verbs-short", Sign;
    ChangeCues = "change-cues", Sign;
    GrowthNouns = "growth-nouns", Sign;
    ShareCues = "share-cues", None;
    LevelMarkers = "level-markers", None;
    Comparatives = "comparatives", None;
    Fillers = "fillers", None;
    RateNouns = "rate-nouns", None;
    QualifiersBefore = "qualifiers-before", Qualifier;
    QualifiersAfter = "qualifiers-after", Qualifier;
    GoalWords = "goal-words", None;
    PeriodWords = "period-words", Name;
    ClausePeriodWords = "clause-period-words", None;
    Continuations = "continuations", None;
    ComparisonWords = "comparison-words", None;
    RevisionWords = "revision-words", None;
    Regions = "regions", None;
    WholeScope = "whole-scope", None;
    SubsetMarkers = "subset-markers", None;
    Totals = "totals", None;
    TotalRows = "total-rows", None;
    YearPoints = "year-points", None;
    YearStartPoints = "year-start-points", None;
    MonthPoints = "month-points", None;
    NotComparing = "not-comparing", None;
    ComparingWords = "comparing-words", None;
    LossWords = "loss-words", None;
    ComparisonClosers = "comparison-closers", None;
    GenericRates = "generic-rates", None;
    RelationVerbs = "relation-verbs", None;
    VerbNouns = "verb-nouns", None;
    LabelLeading = "label-leading", None;
    LabelTrailing = "label-trailing", None;
    DatelineOpeners = "dateline-openers", None;
    Averages = "averages", None;
    PriceBases = "price-bases", None;
    RealGrowthMeasures = "real-growth-measures", None;
    Dimensions = "dimensions", Name;
    MeasureNames = "measure-names", Name;
    RatioNames = "ratio-names", Name;
    RespondentNouns = "respondent-nouns", None;
    ShareListCues = "share-list-cues", None;
    RespectivelyLeadIns = "respectively-lead-ins", None;
    NamesWithDun = "names-with-dun", None;
    EnumerationOpeners = "enumeration-openers", None;
    SpanWords = "span-words", Name;
    EnumerationNouns = "enumeration-nouns", None;
    OrdinalMarkers = "ordinal-markers", None;
    QuotaWords = "quota-words", Name;
    ClassOpeners = "class-openers", None;
    PerYearWords = "per-year-words", None;
    ViewpointClosers = "viewpoint-closers", None;
    PartnerOpeners = "partner-openers", None;
    DistributionVerbs = "distribution-verbs", None;
    StatisticNames = "statistic-names", Name;
}

/// A word as the code reads it: the word and its tag (empty where the list has none).
pub type Word = (&'static str, &'static str);

/// All lists, each with its words resolved (included lists taken in).
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// Indexed by `List as usize`.
    words: Vec<Vec<Word>>,
    plain: Vec<Vec<&'static str>>,
    signed: Vec<Vec<(&'static str, bool)>>,
    qualified: Vec<Vec<(&'static str, Qualifier)>>,
    /// Each list's words as one [`WordSet`], built the first time it is asked for.
    sets: Vec<OnceLock<WordSet>>,
    /// Each list's words by their last character, built the first time it is asked for.
    endings: Vec<OnceLock<FxHashMap<char, Vec<usize>>>>,
    /// The files read, for `hedui rules test` and the example tests.
    pub specs: Vec<(String, ListSpec)>,
}

static INSTALLED: OnceLock<Lexicon> = OnceLock::new();

/// The lexicon in force: the one [`install`]ed, or the default.
pub fn get() -> &'static Lexicon {
    INSTALLED.get_or_init(Lexicon::default_set)
}

/// Sets the lexicon of this process. Only the first call before any draft is read takes
/// effect; it returns false when a lexicon was already in force.
pub fn install(lexicon: Lexicon) -> bool {
    INSTALLED.set(lexicon).is_ok()
}

/// A word owned for the life of the process: lexicons are built once per process.
fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

impl Lexicon {
    /// The lists compiled into hedui.
    pub fn default_set() -> Lexicon {
        let files: Vec<(String, String)> = DEFAULT_LEXICON
            .iter()
            .map(|(n, t)| (format!("(default) {n}"), t.to_string()))
            .collect();
        // The default lists are tested in CI (`default_lexicon_loads`); a broken one is a
        // build defect, not a user error.
        Lexicon::from_files(&files).unwrap_or_else(|e| panic!("default lexicon is broken: {e}"))
    }

    /// The default lists extended with the files of `dirs` (or single files).
    pub fn with_extensions(dirs: &[impl AsRef<Path>]) -> Result<Lexicon, Box<RuleError>> {
        let mut files: Vec<(String, String)> = DEFAULT_LEXICON
            .iter()
            .map(|(n, t)| (format!("(default) {n}"), t.to_string()))
            .collect();
        for dir in dirs {
            files.extend(crate::datafiles::read(dir.as_ref(), "lexicon")?);
        }
        Lexicon::from_files(&files)
    }

    /// Builds a lexicon from (file name, text) pairs; files with one id add up.
    pub fn from_files(files: &[(String, String)]) -> Result<Lexicon, Box<RuleError>> {
        let n = List::ALL.len();
        let mut own: Vec<Vec<Word>> = vec![Vec::new(); n];
        // For each list's own words, the file that wrote each.
        let mut origin: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut includes: Vec<Vec<List>> = vec![Vec::new(); n];
        let mut specs = Vec::new();
        for (file_index, (file, text)) in files.iter().enumerate() {
            let spec: ListSpec = serde_json::from_str(text)
                .map_err(|e| Box::new(RuleError::json(file, text, &e)))?;
            let err = |key: &str, value: &str, msg: String, label: &str, help: Option<String>| {
                Box::new(RuleError::new(
                    file,
                    text,
                    locate_string(text, key, value),
                    msg,
                    label,
                    help,
                ))
            };
            let Some(list) = List::from_name(&spec.id) else {
                let known: Vec<&str> = List::ALL.iter().map(|l| l.name()).collect();
                return Err(err(
                    "id",
                    &spec.id,
                    format!("there is no word list `{}`", spec.id),
                    "unknown list",
                    Some(format!("the lists are: {}", known.join(", "))),
                ));
            };
            for inc in &spec.include {
                match List::from_name(inc) {
                    Some(l) if l != list => includes[list as usize].push(l),
                    _ => {
                        return Err(err(
                            "include",
                            inc,
                            format!("`{}` cannot include `{inc}`", spec.id),
                            "no such list",
                            None,
                        ))
                    }
                }
            }
            for w in &spec.words {
                let word = w.word();
                let tag = w.tag().unwrap_or("");
                if word.trim().is_empty() || word.trim() != word {
                    return Err(err(
                        "words",
                        word,
                        "a word is empty or has spaces around it".into(),
                        "this word",
                        None,
                    ));
                }
                let tag_ok = match list.tags() {
                    Tags::None => w.tag().is_none(),
                    Tags::Sign => matches!(tag, "+" | "-"),
                    Tags::Qualifier => qualifier(tag).is_some(),
                    Tags::Name => !tag.is_empty(),
                };
                if !tag_ok {
                    let help = match list.tags() {
                        Tags::None => "this list's words are plain strings",
                        Tags::Sign => "write {\"word\": …, \"tag\": \"+\"} or \"-\"",
                        Tags::Qualifier => "the tag is above, below, nearly or about",
                        Tags::Name => "the tag is a name: the concept, the way of cutting (\"sex\") or the period (\"1-6月\") the word stands for",
                    };
                    return Err(err(
                        "words",
                        word,
                        format!("`{word}` has no tag `{}` needs", spec.id),
                        "this word",
                        Some(help.into()),
                    ));
                }
                if own[list as usize].iter().any(|(w, _)| *w == word) {
                    return Err(err(
                        "words",
                        word,
                        format!("`{word}` is listed twice in `{}`", spec.id),
                        "again here",
                        None,
                    ));
                }
                own[list as usize].push((leak(word), leak(tag)));
                origin[list as usize].push(file_index);
            }
            specs.push((file.clone(), spec));
        }
        // Resolve unions, in order of dependence; a cycle is a mistake.
        let mut words: Vec<Option<Vec<Word>>> = vec![None; n];
        for &l in List::ALL {
            resolve(l, &own, &includes, &mut words, &mut Vec::new()).map_err(|cycle| {
                Box::new(RuleError::new(
                    "lexicon",
                    "",
                    (0, 0),
                    format!("the lists include each other: {cycle}"),
                    "here",
                    None,
                ))
            })?;
        }
        let words: Vec<Vec<Word>> = words.into_iter().map(Option::unwrap_or_default).collect();
        // A word written in a list and again in a list it includes would let the two drift.
        for &l in List::ALL {
            for inc in &includes[l as usize] {
                if let Some(k) = own[l as usize]
                    .iter()
                    .position(|(w, _)| words[*inc as usize].iter().any(|(x, _)| x == w))
                {
                    let w = own[l as usize][k].0;
                    let (file, text) = &files[origin[l as usize][k]];
                    return Err(Box::new(RuleError::new(
                        file,
                        text,
                        locate_string(text, "words", w),
                        format!(
                            "`{w}` is in `{}` already, which `{}` includes",
                            inc.name(),
                            l.name()
                        ),
                        "written twice",
                        Some(format!(
                            "remove it here; `{}` takes it from `{}`",
                            l.name(),
                            inc.name()
                        )),
                    )));
                }
            }
        }
        let plain = words
            .iter()
            .map(|ws| ws.iter().map(|(w, _)| *w).collect())
            .collect();
        let signed = words
            .iter()
            .map(|ws| ws.iter().map(|(w, t)| (*w, *t != "-")).collect())
            .collect();
        let qualified = words
            .iter()
            .map(|ws| {
                ws.iter()
                    .filter_map(|(w, t)| qualifier(t).map(|q| (*w, q)))
                    .collect()
            })
            .collect();
        Ok(Lexicon {
            sets: vec![OnceLock::new(); words.len()],
            endings: vec![OnceLock::new(); words.len()],
            words,
            plain,
            signed,
            qualified,
            specs,
        })
    }

    /// The words of a list.
    pub fn words(&self, list: List) -> &[&'static str] {
        &self.plain[list as usize]
    }

    /// The words of a list with their sign: true for `+`.
    pub fn signed(&self, list: List) -> &[(&'static str, bool)] {
        &self.signed[list as usize]
    }

    /// The words of a qualifier list with what they do to a figure.
    pub fn qualified(&self, list: List) -> &[(&'static str, Qualifier)] {
        &self.qualified[list as usize]
    }

    /// The words of a list with their tags.
    pub fn tagged(&self, list: List) -> &[Word] {
        &self.words[list as usize]
    }

    /// The words of a list, to be found in one pass; a word's index is its index in
    /// [`Lexicon::words`], [`Lexicon::signed`] and [`Lexicon::tagged`].
    pub fn set(&self, list: List) -> &WordSet {
        self.sets[list as usize].get_or_init(|| WordSet::new(self.words(list)))
    }

    /// The indices, in list order, of the words of a list that end with the character `s`
    /// ends with: the only ones `s` can end with. Where the longest word that ends a label is
    /// sought, these are the few to compare, not the whole list.
    pub fn ending_like(&self, list: List, s: &str) -> &[usize] {
        let by_last = self.endings[list as usize].get_or_init(|| {
            let mut by_last: FxHashMap<char, Vec<usize>> = FxHashMap::default();
            for (i, w) in self.words(list).iter().enumerate() {
                if let Some(last) = w.chars().next_back() {
                    by_last.entry(last).or_default().push(i);
                }
            }
            by_last
        });
        s.chars()
            .next_back()
            .and_then(|c| by_last.get(&c))
            .map_or(&[], Vec::as_slice)
    }
}

fn qualifier(tag: &str) -> Option<Qualifier> {
    Some(match tag {
        "above" => Qualifier::Above,
        "below" => Qualifier::Below,
        "nearly" => Qualifier::Nearly,
        "about" => Qualifier::About,
        _ => return None,
    })
}

fn resolve(
    l: List,
    own: &[Vec<Word>],
    includes: &[Vec<List>],
    done: &mut Vec<Option<Vec<Word>>>,
    path: &mut Vec<List>,
) -> Result<(), String> {
    if done[l as usize].is_some() {
        return Ok(());
    }
    if path.contains(&l) {
        let names: Vec<&str> = path.iter().chain([&l]).map(|l| l.name()).collect();
        return Err(names.join(" → "));
    }
    path.push(l);
    let mut out = own[l as usize].clone();
    for &inc in &includes[l as usize] {
        resolve(inc, own, includes, done, path)?;
        for w in done[inc as usize].iter().flatten() {
            if !out.iter().any(|(x, _)| *x == w.0) {
                out.push(*w);
            }
        }
    }
    path.pop();
    done[l as usize] = Some(out);
    Ok(())
}

/// The JSON Schema of word-list files, as checked in at `lexicon/schema.json`.
pub fn schema() -> String {
    let schema = schemars::schema_for!(ListSpec);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(json: &str) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = DEFAULT_LEXICON
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        files.push(("newsroom.json".into(), json.into()));
        files
    }

    #[test]
    fn the_words_ending_like_a_text_are_every_word_it_ends_with() {
        let lex = Lexicon::default_set();
        for &l in List::ALL {
            for w in lex.words(l) {
                for s in [
                    w.to_string(),
                    format!("全省{w}"),
                    format!("{w}的"),
                    String::new(),
                ] {
                    let all: Vec<&str> = lex
                        .words(l)
                        .iter()
                        .copied()
                        .filter(|x| s.ends_with(x))
                        .collect();
                    let like: Vec<&str> = lex
                        .ending_like(l, &s)
                        .iter()
                        .map(|&i| lex.words(l)[i])
                        .filter(|x| s.ends_with(x))
                        .collect();
                    assert_eq!(like, all, "{} ending {s:?}", l.name());
                }
            }
        }
    }

    #[test]
    fn default_lexicon_loads_with_every_list() {
        let lex = Lexicon::default_set();
        for &l in List::ALL {
            assert!(!lex.words(l).is_empty(), "{} has words", l.name());
        }
    }

    #[test]
    fn a_union_takes_in_the_words_of_the_lists_it_names() {
        let lex = Lexicon::default_set();
        assert!(lex.words(List::LabelTrailing).contains(&"下滑"));
        assert!(lex.signed(List::ChangeCues).contains(&("降", false)));
    }

    #[test]
    fn a_newsroom_file_adds_words_to_a_list() {
        let lex = Lexicon::from_files(&file(r#"{"id": "regions", "words": ["全州"]}"#)).unwrap();
        assert!(lex.words(List::Regions).contains(&"全州"));
        assert!(lex.words(List::Regions).contains(&"全省"));
    }

    #[test]
    fn a_word_written_again_where_it_is_included_is_an_error() {
        let e = Lexicon::from_files(&file(r#"{"id": "label-trailing", "words": ["下滑"]}"#))
            .unwrap_err();
        assert!(
            e.message.contains("`下滑` is in `change-verbs` already"),
            "{e}"
        );
    }

    #[test]
    fn an_unknown_list_or_a_missing_tag_is_an_error() {
        let e = Lexicon::from_files(&file(r#"{"id": "regoins", "words": ["全州"]}"#)).unwrap_err();
        assert!(e.message.contains("no word list `regoins`"), "{e}");
        let e =
            Lexicon::from_files(&file(r#"{"id": "change-verbs", "words": ["猛增"]}"#)).unwrap_err();
        assert!(e.message.contains("has no tag"), "{e}");
    }
}
