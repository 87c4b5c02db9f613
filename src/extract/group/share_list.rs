//! Shares written as one ratio after a share word: `三次产业投资比重为5.2：60.3：34.5`.
//!
//! The numbers carry no `%`, but a `比重` or `结构` stated as a ratio lists the percentages of
//! one whole, one per part: they make a share chain like `占…的56.5%，…占27.1%`. Which words
//! make such a ratio a list of shares is data (`share-list-cues`); a plain ratio
//! (`男女比例为1：1.05`) is not one.

use super::{member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::lexicon::{self, List};
use crate::text::Text;

/// A bare number of a ratio: no unit, no magnitude, not a date.
fn ratio_term(f: &Fact) -> bool {
    f.figure.kind == Kind::Number && f.figure.unit.is_empty() && f.figure.magnitude.is_none()
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let t = text.as_str();
    let cues = lexicon::get().words(List::ShareListCues);
    let mut out = Vec::new();
    let mut i = 0;
    while i < facts.len() {
        let start = text.full_sentence(facts[i].figure.norm.start).start;
        let before = &t[start.min(facts[i].figure.norm.start)..facts[i].figure.norm.start];
        if !ratio_term(&facts[i]) || !cues.iter().any(|c| before.ends_with(c)) {
            i += 1;
            continue;
        }
        // The run of terms joined by nothing but a colon.
        let mut end = i + 1;
        while end < facts.len()
            && ratio_term(&facts[end])
            && matches!(
                &t[facts[end - 1].figure.norm.end..facts[end].figure.norm.start],
                "：" | ":"
            )
        {
            end += 1;
        }
        // `9：30`, a time, is no list of shares; neither is a ratio that goes on past its terms
        // with another colon.
        let next = &t[facts[end - 1].figure.norm.end..];
        if end - i >= 2 && !next.starts_with(['：', ':']) {
            out.push(Group::new(
                GroupKind::ShareChain,
                (i..end).map(|k| member(k, Role::Member)).collect(),
            ));
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn a_share_ratio_is_a_chain_of_shares() {
        let g = groups_of(
            "上半年，全县三次产业结构为12.5：40.1：47.4，服务业比重比上年提高1.2个百分点。",
            GroupKind::ShareChain,
        );
        assert_eq!(g, [["member:12.5", "member:40.1", "member:47.4"]]);
    }

    #[test]
    fn a_plain_ratio_is_not() {
        let g = groups_of("全县出生人口男女比例为1：1.05。", GroupKind::ShareChain);
        assert!(g.is_empty(), "{g:?}");
    }
}
