//! The roles a group gives its facts, by which a rule's `bind` chooses them (`"role": "whole"`).
//!
//! One list: the groupers build members with these values, `GroupKind::roles` says which a kind
//! of group gives, and rule files are checked against it when they load. A role is never spelled
//! as a string in code.

use schemars::JsonSchema;
use serde::Serialize;

/// The part a fact plays in its group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Any fact of a group whose facts are alike (`share-chain`, `sentence`, `each`, `article`).
    Member,
    /// The whole of a `subset`, `part-of`, `share-of` or `complement` group.
    Whole,
    /// A part of that whole.
    Part,
    /// The share of a `share-of` group: part / whole.
    Share,
    /// A value of a `respectively` list.
    Value,
    /// The first statement of a measure stated twice (`same-measure`).
    First,
    /// Its second statement.
    Second,
    /// The level of a `change` group (`达48.3万户`).
    Level,
    /// The change of that level (`增加3.2万户`).
    Change,
    /// The rate of that change (`增长7.1%`).
    Rate,
    /// The first month of a `consecutive` run.
    Start,
    /// Its last month.
    End,
    /// Its stated length (`连续8个月`).
    Duration,
    /// The same measure a year before, in a table's `上年同期` column.
    Previous,
    /// A part taken away from a `partition-net` whole (imports in a trade surplus).
    Less,
}

impl Role {
    pub const ALL: &'static [Role] = &[
        Role::Member,
        Role::Whole,
        Role::Part,
        Role::Share,
        Role::Value,
        Role::First,
        Role::Second,
        Role::Level,
        Role::Change,
        Role::Rate,
        Role::Start,
        Role::End,
        Role::Duration,
        Role::Previous,
        Role::Less,
    ];

    /// The role as rule files spell it.
    pub fn name(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Whole => "whole",
            Role::Part => "part",
            Role::Share => "share",
            Role::Value => "value",
            Role::First => "first",
            Role::Second => "second",
            Role::Level => "level",
            Role::Change => "change",
            Role::Rate => "rate",
            Role::Start => "start",
            Role::End => "end",
            Role::Duration => "duration",
            Role::Previous => "previous",
            Role::Less => "less",
        }
    }

    pub fn from_name(s: &str) -> Option<Role> {
        Self::ALL.iter().copied().find(|r| r.name() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip_and_match_serde() {
        for &r in Role::ALL {
            assert_eq!(Role::from_name(r.name()), Some(r));
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::Value::from(r.name())
            );
        }
    }
}
