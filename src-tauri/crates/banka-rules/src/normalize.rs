//! Input normalisation shared by every number check: what people paste or type from a phone
//! keyboard (full-width digits, spaces, lower-case x) becomes the canonical ASCII form.

/// Maps full-width ASCII (U+FF01–U+FF5E) to ASCII, drops whitespace (including the ideographic
/// space U+3000) and the separators in `drop`, and upper-cases letters.
pub fn canonical(input: &str, drop: &[char]) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && !drop.contains(c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::canonical;

    #[test]
    fn full_width_spaces_and_lower_case_x() {
        assert_eq!(canonical("１１０１０５ 19491231\u{3000}002x ", &[]), "11010519491231002X");
    }

    #[test]
    fn drops_only_the_given_separators() {
        assert_eq!(canonical("138-0013-8000", &['-']), "13800138000");
        assert_eq!(canonical("138-0013", &[]), "138-0013");
    }
}
