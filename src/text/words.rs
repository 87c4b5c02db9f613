//! Finding a short word of the lexicon in a short stretch of text.
//!
//! `str::find`, `rfind` and `contains` set up a two-way searcher at every call: worth it for a
//! long needle in a long haystack, but the cues, labels and periods ask for a word of two to
//! four characters in a clause of a few dozen, once per lexicon word per figure, and the set-up
//! then costs more than the search. These compare bytes at each position instead, the first and
//! last byte of the word before the rest. A match of a whole UTF-8 word in UTF-8 text always
//! starts on a character boundary, so the offsets are those `str`'s own methods return.
//!
//! Where a whole list is asked for at once (the last change verb before a figure, the first goal
//! word of a sentence), a [`WordSet`] finds all its words in one pass over the text.

use aho_corasick::AhoCorasick;

/// The start of the first occurrence of `word` in `s`, as `s.find(word)`.
pub fn find(s: &str, word: &str) -> Option<usize> {
    let (h, w) = (s.as_bytes(), word.as_bytes());
    let Some((&first, &last)) = w.first().zip(w.last()) else {
        return Some(0);
    };
    let n = w.len();
    (0..(h.len() + 1).checked_sub(n)?)
        .find(|&i| h[i] == first && h[i + n - 1] == last && &h[i..i + n] == w)
}

/// The start of the last occurrence of `word` in `s`, as `s.rfind(word)`.
pub fn rfind(s: &str, word: &str) -> Option<usize> {
    let (h, w) = (s.as_bytes(), word.as_bytes());
    let Some((&first, &last)) = w.first().zip(w.last()) else {
        return Some(h.len());
    };
    let n = w.len();
    (0..(h.len() + 1).checked_sub(n)?)
        .rev()
        .find(|&i| h[i] == first && h[i + n - 1] == last && &h[i..i + n] == w)
}

/// `s.starts_with(word)`, comparing the word's last byte before the call that compares them
/// all: in Chinese text a first byte is one of a few, a last byte one of sixty-four.
pub fn starts_with(s: &str, word: &str) -> bool {
    let (h, w) = (s.as_bytes(), word.as_bytes());
    w.last()
        .is_none_or(|&last| h.len() >= w.len() && h[w.len() - 1] == last && h.starts_with(w))
}

/// `s.ends_with(word)`, comparing the last bytes before the call that compares them all.
pub fn ends_with(s: &str, word: &str) -> bool {
    let (h, w) = (s.as_bytes(), word.as_bytes());
    w.last()
        .is_none_or(|&last| h.last() == Some(&last) && h.ends_with(w))
}

/// Whether `word` occurs in `s`, as `s.contains(word)`.
pub fn contains(s: &str, word: &str) -> bool {
    find(s, word).is_some()
}

/// The words of one list, found together: every occurrence of every word (overlapping ones
/// too) in one pass over the text, where asking word by word takes a pass per word.
#[derive(Clone, Debug)]
pub struct WordSet {
    finder: AhoCorasick,
}

impl WordSet {
    /// The set of `words`; a word's index in `words` is its index in the answers.
    pub fn new(words: &[&str]) -> WordSet {
        // Only a pattern set too large for memory fails to build, and a lexicon list is short.
        let finder = AhoCorasick::new(words).expect("a lexicon list builds into a word set");
        WordSet { finder }
    }

    /// Every occurrence of every word in `s`, by their end: (word index, start, end).
    pub fn occurrences<'a>(
        &'a self,
        s: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.finder
            .find_overlapping_iter(s)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
    }

    /// The occurrence that ends last, the longest word of those that end there: (word index,
    /// end). The same as the greatest `(end, length)` of each word's `rfind`, since a word's last
    /// occurrence is also the one that ends last.
    pub fn last(&self, s: &str) -> Option<(usize, usize)> {
        self.occurrences(s)
            .max_by_key(|&(_, start, end)| (end, end - start))
            .map(|(i, _, end)| (i, end))
    }

    /// Where the occurrence that ends first ends: the least of each word's `find` plus its
    /// length.
    pub fn first_end(&self, s: &str) -> Option<usize> {
        self.occurrences(s).next().map(|(_, _, end)| end)
    }

    /// Where the words occur, as `match_indices` finds them word by word (one word's
    /// occurrences do not overlap; two words may start at one place), in order: one pass for
    /// all the words, where word by word takes a pass per word.
    pub fn starts(&self, s: &str) -> Vec<usize> {
        let mut free_from = vec![0; self.finder.patterns_len()];
        let mut out = Vec::new();
        // By their end, and so, for one word, by their start too.
        for (word, start, end) in self.occurrences(s) {
            if start >= free_from[word] {
                out.push(start);
                free_from[word] = end;
            }
        }
        out.sort_unstable();
        out
    }

    /// Whether any word occurs in `s`.
    pub fn any_in(&self, s: &str) -> bool {
        self.finder.is_match(s)
    }

    /// For each word, where its last occurrence in `s` starts (`rfind`), written into `out`
    /// (cleared first, one entry per word).
    pub fn last_starts(&self, s: &str, out: &mut Vec<Option<usize>>) {
        out.clear();
        out.resize(self.finder.patterns_len(), None);
        for (i, start, _) in self.occurrences(s) {
            out[i] = Some(start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_are_those_of_match_indices_word_by_word() {
        let words = ["其中", "中有", "aa", "a", "中，有"];
        let set = WordSet::new(&words);
        for s in [
            "",
            "其中有",
            "aaaa",
            "baaab",
            "41个行业中有28个，其中，中，有aa",
        ] {
            let mut expected: Vec<usize> = words
                .iter()
                .flat_map(|w| s.match_indices(w).map(|(i, _)| i))
                .collect();
            expected.sort_unstable();
            assert_eq!(set.starts(s), expected, "{s:?}");
        }
    }

    #[test]
    fn agrees_with_str_on_words_and_edges() {
        let hay = ["", "同比增长", "增长增长", "比重提高到了22.2%", "ab", "增"];
        let words = ["", "增长", "同比", "到", "%", "b", "增长增长增", "长"];
        for s in hay {
            for w in words {
                assert_eq!(find(s, w), s.find(w), "find {w:?} in {s:?}");
                assert_eq!(rfind(s, w), s.rfind(w), "rfind {w:?} in {s:?}");
                assert_eq!(contains(s, w), s.contains(w), "contains {w:?} in {s:?}");
                assert_eq!(
                    starts_with(s, w),
                    s.starts_with(w),
                    "{s:?} starts with {w:?}"
                );
                assert_eq!(ends_with(s, w), s.ends_with(w), "{s:?} ends with {w:?}");
            }
        }
    }

    #[test]
    fn a_word_set_answers_as_each_word_searched_alone() {
        let words = ["增长", "长增", "增", "同比增长", "到", "提高到"];
        let set = WordSet::new(&words);
        let mut starts = Vec::new();
        for s in [
            "",
            "同比增长",
            "增长增长增",
            "比重提高到了22.2%",
            "提高到",
            "无",
        ] {
            let each = |w: &&str| s.rfind(*w).map(|i| i + w.len());
            let last = words
                .iter()
                .enumerate()
                .filter_map(|(i, w)| each(w).map(|end| (i, end, w.len())))
                .max_by_key(|&(_, end, len)| (end, len))
                .map(|(i, end, _)| (i, end));
            assert_eq!(set.last(s), last, "last in {s:?}");
            let first = words
                .iter()
                .filter_map(|w| s.find(w).map(|i| i + w.len()))
                .min();
            assert_eq!(set.first_end(s), first, "first end in {s:?}");
            assert_eq!(set.any_in(s), words.iter().any(|w| s.contains(w)));
            set.last_starts(s, &mut starts);
            let rfinds: Vec<_> = words.iter().map(|w| s.rfind(w)).collect();
            assert_eq!(starts, rfinds, "last starts in {s:?}");
        }
    }
}
