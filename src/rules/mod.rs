//! Declarative rules: loading rule files, checking them, and running them over facts.
//!
//! A rule is data (`rules/*.json`, see [`spec`]); this module compiles it once (regular
//! expressions, the assertion) and reports every mistake in a rule file as a diagnostic with a
//! span in that file. The default set is compiled into the binary by `build.rs`.

mod culprit;
mod display;
mod error;
mod eval;
pub mod expr;
pub mod spec;

pub use error::RuleError;
pub use eval::{check_rule, check_rule_marking, check_rules_marking, participants};

use crate::extract::{GroupKind, Kind, Role};
pub(crate) use error::locate_string;
use regex::Regex;
use spec::{RuleSpec, Selector};
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/default_rules.rs"));

/// A selector with its regular expressions compiled.
#[derive(Clone, Debug)]
pub struct CompiledSelector {
    pub spec: Selector,
    /// The role, checked against the roles the rule's scopes give.
    pub role: Option<Role>,
    pub kinds: Vec<Kind>,
    pub label: Option<Regex>,
    pub label_not: Option<Regex>,
    pub own_label_not: Option<Regex>,
    pub base_not: Option<Regex>,
}

/// A rule ready to run.
#[derive(Clone, Debug)]
pub struct Rule {
    pub spec: RuleSpec,
    /// Where the rule came from: `rules/share-sum.json` or `(default) share-sum.json`.
    pub origin: String,
    pub scopes: Vec<GroupKind>,
    pub bind: Vec<(String, CompiledSelector)>,
    pub assertion: expr::Assertion,
}

/// A rule that took the place of another with its id (`"replaces": true`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    pub id: String,
    /// The file of the new rule.
    pub by: String,
    /// Where the replaced rule came from: `(default) share-sum.json`.
    pub was: String,
}

/// The rules a check runs, in id order.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

impl Rule {
    /// Compiles a rule file's text; every mistake is a [`RuleError`] pointing into `text`.
    pub fn parse(file: &str, text: &str) -> Result<Rule, Box<RuleError>> {
        let spec: RuleSpec =
            serde_json::from_str(text).map_err(|e| Box::new(RuleError::json(file, text, &e)))?;
        let at = |key: &str, value: &str| locate_string(text, key, value);
        let err = |span: (usize, usize), msg: String, label: &str, help: Option<String>| {
            Box::new(RuleError::new(file, text, span, msg, label, help))
        };
        if spec.id.is_empty()
            || !spec
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(err(
                at("id", &spec.id),
                format!("rule id `{}` is not kebab-case", spec.id),
                "this id",
                Some("ids are lowercase words joined by `-`, like `share-sum`".into()),
            ));
        }
        let mut scopes = Vec::new();
        for s in &spec.scope {
            match GroupKind::from_name(s) {
                Some(k) => scopes.push(k),
                None => {
                    return Err(err(
                        at("scope", s),
                        format!("unknown scope `{s}`"),
                        "not a scope",
                        Some(format!(
                            "scopes are {}",
                            GroupKind::ALL
                                .iter()
                                .map(|(n, _)| *n)
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    ))
                }
            }
        }
        // The roles the rule's groups give, in the order the scopes name them.
        let mut given: Vec<Role> = Vec::new();
        for r in scopes.iter().flat_map(|k| k.roles()) {
            if !given.contains(r) {
                given.push(*r);
            }
        }
        let mut bind = Vec::new();
        for (name, sel) in &spec.bind {
            let role = match sel.role.as_deref() {
                None => None,
                Some(r) => match Role::from_name(r).filter(|role| given.contains(role)) {
                    Some(role) => Some(role),
                    None => {
                        let scope_names: Vec<&str> = scopes.iter().map(|k| k.name()).collect();
                        let role_names: Vec<&str> = given.iter().map(|r| r.name()).collect();
                        let what = if Role::from_name(r).is_some() {
                            format!("binding `{name}`: no group of this rule's scope gives the role `{r}`")
                        } else {
                            format!("unknown role `{r}` in binding `{name}`")
                        };
                        return Err(err(
                            at("role", r),
                            what,
                            "not a role of this scope",
                            Some(format!(
                                "{} {} give{} the roles {}",
                                if scopes.len() == 1 {
                                    "the scope"
                                } else {
                                    "the scopes"
                                },
                                scope_names.join(", "),
                                if scopes.len() == 1 { "s" } else { "" },
                                role_names.join(", ")
                            )),
                        ));
                    }
                },
            };
            let mut kinds = Vec::new();
            for k in &sel.kind {
                match Kind::from_name(k) {
                    Some(k) => kinds.push(k),
                    None => return Err(err(
                        at("kind", k),
                        format!("unknown kind `{k}` in binding `{name}`"),
                        "not a kind",
                        Some("kinds are amount, count, share, growth, points, multiple, date, duration, range, number".into()),
                    )),
                }
            }
            for (key, tags) in [("tags", &sel.tags), ("tags_not", &sel.tags_not)] {
                if let Some(t) = tags
                    .iter()
                    .find(|t| !crate::extract::tag::ALL.contains(&t.as_str()))
                {
                    return Err(err(
                        at(key, t),
                        format!("unknown tag `{t}` in binding `{name}`"),
                        "not a tag",
                        Some(format!("tags are {}", crate::extract::tag::ALL.join(", "))),
                    ));
                }
            }
            let regex =
                |key: &str, pat: &Option<String>| -> Result<Option<Regex>, Box<RuleError>> {
                    match pat {
                        None => Ok(None),
                        Some(p) => compile_pattern(p).map(Some).map_err(|e| {
                            let (message, help) = pattern_error(name, key, p, e);
                            err(at(key, p), message, "this pattern", Some(help))
                        }),
                    }
                };
            let label = regex("label", &sel.label)?;
            let label_not = regex("label_not", &sel.label_not)?;
            let own_label_not = regex("own_label_not", &sel.own_label_not)?;
            let base_not = regex("base_not", &sel.base_not)?;
            bind.push((
                name.clone(),
                CompiledSelector {
                    spec: sel.clone(),
                    role,
                    kinds,
                    label,
                    label_not,
                    own_label_not,
                    base_not,
                },
            ));
        }
        let (a_start, _) = at("assert", &spec.assertion);
        let assertion = expr::parse(&spec.assertion).map_err(|e| {
            err(
                (a_start + e.offset, e.len),
                format!("the assertion does not parse: {}", e.message),
                "here",
                Some("write one comparison, e.g. `sum(shares) <= 100` or `a + b == total`".into()),
            )
        })?;
        if assertion
            .clauses
            .iter()
            .any(|c| c.lhs.divides_by_literal_zero() || c.rhs.divides_by_literal_zero())
        {
            let offset = spec.assertion.find('/').unwrap_or(0);
            return Err(err(
                (a_start + offset, 1),
                "the assertion divides by zero".into(),
                "a division by a literal zero",
                Some("a quotient by zero is no number: the rule could never fire".into()),
            ));
        }
        let synthetic: Vec<&str> = scopes
            .iter()
            .flat_map(|k| k.synthetic_names())
            .copied()
            .collect();
        for name in assertion.names() {
            if !spec.bind.contains_key(&name) && !synthetic.contains(&name.as_str()) {
                let offset = spec.assertion.find(&name).unwrap_or(0);
                let bound: Vec<&str> = spec.bind.keys().map(String::as_str).collect();
                return Err(err(
                    (a_start + offset, name.len()),
                    format!("the assertion uses `{name}`, which `bind` does not define"),
                    "unbound name",
                    Some(format!("bound names: {}", bound.join(", "))),
                ));
            }
        }
        Ok(Rule {
            origin: file.to_string(),
            scopes,
            bind,
            assertion,
            spec,
        })
    }
}

/// The longest label pattern compiled, in bytes. A pattern of three million alternatives
/// took 3.6 GB to parse and compile before this limit.
pub const MAX_PATTERN: usize = 64 * 1024;
/// How much memory one compiled pattern, and its lazy DFA, may take.
pub const REGEX_SIZE_LIMIT: usize = 8 << 20;

enum PatternError {
    TooLong,
    TooBig,
    Invalid(String),
}

/// The message and help of a pattern that does not compile.
fn pattern_error(name: &str, key: &str, p: &str, e: PatternError) -> (String, String) {
    match e {
        PatternError::TooLong => (
            format!(
                "binding `{name}`: `{key}` is a regular expression of {} bytes, more than the \
                 {MAX_PATTERN} hedui compiles",
                p.len()
            ),
            "a label pattern names a few dozen words at most; match a shared stem, or split \
             the rule"
                .into(),
        ),
        PatternError::TooBig => (
            format!(
                "binding `{name}`: `{key}` compiles to more than the {} MB a regular expression \
                 may take",
                REGEX_SIZE_LIMIT >> 20
            ),
            "use fewer alternatives or bounded repetitions".into(),
        ),
        PatternError::Invalid(e) => (
            format!("binding `{name}`: `{key}` is not a valid regular expression"),
            e.lines().last().unwrap_or("").trim().to_string(),
        ),
    }
}

/// A rule file's regular expression, within the limits above.
fn compile_pattern(p: &str) -> Result<Regex, PatternError> {
    if p.len() > MAX_PATTERN {
        return Err(PatternError::TooLong);
    }
    regex::RegexBuilder::new(p)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(_) => PatternError::TooBig,
            e => PatternError::Invalid(e.to_string()),
        })
}

/// The JSON Schema of rule files, as checked in at `rules/schema.json`.
pub fn schema() -> String {
    let schema = schemars::schema_for!(RuleSpec);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

impl RuleSet {
    /// The rules compiled into hedui.
    pub fn default_set() -> RuleSet {
        let mut set = RuleSet::default();
        for (name, text) in DEFAULT_RULES {
            // The default rules are tested in CI (`default_rules_compile`); a broken one is a
            // build defect, not a user error.
            let rule = Rule::parse(&format!("(default) {name}"), text)
                .unwrap_or_else(|e| panic!("default rule {name} is broken: {e}"));
            set.rules.push(rule);
        }
        set.sort();
        set
    }

    fn sort(&mut self) {
        self.rules.sort_by(|a, b| a.spec.id.cmp(&b.spec.id));
    }

    /// Adds a rule file, or the `*.json` rules of a folder (`schema.json` and `hedui.json`
    /// left out). A rule with the id of one already loaded replaces it only when it says
    /// `"replaces": true`, and the replacement is returned so that it can be reported;
    /// otherwise a duplicate id is an error, as are two files of one folder with one id. A
    /// file identical to a default rule is that rule and replaces it silently.
    pub fn add_dir(&mut self, path: &Path) -> Result<Vec<Replacement>, Box<RuleError>> {
        let io_err = |e: std::io::Error| {
            Box::new(RuleError::new(
                &path.display().to_string(),
                "",
                (0, 0),
                format!("cannot read the rules: {e}"),
                "",
                None,
            ))
        };
        let mut files: Vec<_> = if path.is_file() {
            vec![path.to_path_buf()]
        } else {
            std::fs::read_dir(path)
                .map_err(io_err)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.extension().is_some_and(|e| e == "json")
                        && p.file_name()
                            .is_some_and(|n| n != "schema.json" && n != "hedui.json")
                })
                .collect()
        };
        files.sort();
        let mut seen: Vec<(String, String)> = Vec::new();
        let mut replaced = Vec::new();
        for path in files {
            let name = path.display().to_string();
            let bytes = std::fs::read(&path).map_err(io_err)?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let rule = Rule::parse(&name, &text)?;
            let id_span = || locate_string(&text, "id", &rule.spec.id);
            if let Some((_, other)) = seen.iter().find(|(id, _)| *id == rule.spec.id) {
                return Err(Box::new(RuleError::new(
                    &name,
                    &text,
                    id_span(),
                    format!("rule id `{}` is also used by {other}", rule.spec.id),
                    "duplicate id",
                    Some("give each rule of a folder its own id".into()),
                )));
            }
            seen.push((rule.spec.id.clone(), name.clone()));
            // The default rule's own file (`hedui rules test rules`) is the same rule, loaded
            // from disk: no conflict, nothing to report.
            let same_as_default = DEFAULT_RULES.iter().any(|(_, t)| *t == text);
            if let Some(old) = self.get(&rule.spec.id).filter(|_| !same_as_default) {
                if !rule.spec.replaces {
                    return Err(Box::new(RuleError::new(
                        &name,
                        &text,
                        id_span(),
                        format!("rule id `{}` is also used by {}", rule.spec.id, old.origin),
                        "duplicate id",
                        Some(format!(
                            "to replace that rule with this one, add `\"replaces\": true` to \
                             this file; otherwise give this rule an id of its own (`{}` is taken)",
                            rule.spec.id
                        )),
                    )));
                }
                replaced.push(Replacement {
                    id: rule.spec.id.clone(),
                    by: name.clone(),
                    was: old.origin.clone(),
                });
            }
            self.rules.retain(|r| r.spec.id != rule.spec.id);
            self.rules.push(rule);
        }
        self.sort();
        Ok(replaced)
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.spec.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_in_schema_matches_the_rule_types() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/schema.json");
        let checked_in = std::fs::read_to_string(path).unwrap_or_default();
        if checked_in != schema() && std::env::var_os("HEDUI_WRITE_SCHEMA").is_some() {
            std::fs::write(path, schema()).expect("rules/ is writable");
            return;
        }
        assert_eq!(
            checked_in,
            schema(),
            "rules/schema.json is stale: run `HEDUI_WRITE_SCHEMA=1 cargo test checked_in_schema`"
        );
    }

    #[test]
    fn default_rules_compile() {
        let set = RuleSet::default_set();
        assert!(set.get("share-sum").is_some());
        assert!(set.get("partition-sum").is_some());
        assert!(set.get("parts-within-whole").is_some());
    }

    fn broken(text: &str) -> String {
        let e = Rule::parse("r.json", text).unwrap_err();
        e.message.clone()
    }

    const GOOD: &str = r#"{"id":"x","family":"f","severity":"error","summary":"s","doc":"d",
        "scope":["share-chain"],"bind":{"a":{"kind":["share"],"many":true}},
        "assert":"sum(a) <= 100","message":"m","help":"h","examples":{}}"#;

    #[test]
    fn a_good_rule_parses() {
        assert!(Rule::parse("r.json", GOOD).is_ok());
    }

    #[test]
    fn rule_file_mistakes_are_named() {
        assert!(broken(&GOOD.replace("\"doc\"", "\"dco\"")).contains("unknown field `dco`"));
        assert!(broken(&GOOD.replace("sum(a)", "sum(b)")).contains("`b`"));
        assert!(broken(&GOOD.replace("share-chain", "chain")).contains("unknown scope"));
        let role =
            |r: &str| GOOD.replace("\"many\":true", &format!("\"many\":true,\"role\":\"{r}\""));
        assert!(Rule::parse("r.json", &role("member")).is_ok());
        assert!(broken(&role("membre")).contains("unknown role `membre` in binding `a`"));
        // A role of another scope: a share chain has members, no whole.
        assert!(broken(&role("whole")).contains("gives the role `whole`"));
        let tags = GOOD.replace("\"many\":true", "\"many\":true,\"tags_not\":[\"rates\"]");
        assert!(broken(&tags).contains("unknown tag `rates` in binding `a`"));
        assert!(broken(&GOOD.replace("<= 100", "<=")).contains("does not parse"));
        let bad_re = GOOD.replace("\"many\":true", "\"many\":true,\"label\":\"(\"");
        assert!(broken(&bad_re).contains("not a valid regular expression"));
    }

    #[test]
    fn a_division_by_a_literal_zero_is_a_load_error() {
        let by_zero = GOOD.replace("sum(a) <= 100", "sum(a) / (1 - 1) <= 100");
        assert!(broken(&by_zero).contains("divides by zero"));
        assert!(Rule::parse("r.json", &GOOD.replace("<= 100", "/ 2 <= 100")).is_ok());
    }

    #[test]
    fn an_oversized_pattern_is_a_load_error_not_gigabytes() {
        let alternatives: Vec<String> = (0..20_000).map(|i| format!("词{i}")).collect();
        let long = GOOD.replace(
            "\"many\":true",
            &format!("\"many\":true,\"label\":\"{}\"", alternatives.join("|")),
        );
        assert!(broken(&long).contains("more than the 65536 hedui compiles"));
        let big = GOOD.replace(
            "\"many\":true",
            "\"many\":true,\"label\":\"\\\\w{1000}{1000}\"",
        );
        assert!(
            broken(&big).contains("compiles to more than"),
            "{}",
            broken(&big)
        );
    }
}
