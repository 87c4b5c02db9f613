//! Every rule's own examples: `pass` texts must not trigger it, `fail` texts must.

use hedui::rules::{check_rule, RuleSet};
use hedui::Source;

#[test]
fn default_rule_examples_hold() {
    let set = RuleSet::default_set();
    assert!(!set.rules.is_empty());
    for rule in &set.rules {
        let ex = &rule.spec.examples;
        assert!(
            !ex.fail.is_empty(),
            "{} has no failing example",
            rule.spec.id
        );
        for text in &ex.pass {
            let findings = check_rule(rule, &hedui::extract(&Source::new("pass", text.clone())));
            assert!(
                findings.is_empty(),
                "{} fired on its passing example {text:?}: {findings:#?}",
                rule.spec.id
            );
        }
        for text in &ex.fail {
            let findings = check_rule(rule, &hedui::extract(&Source::new("fail", text.clone())));
            assert!(
                !findings.is_empty(),
                "{} stayed silent on its failing example {text:?}",
                rule.spec.id
            );
        }
    }
}
