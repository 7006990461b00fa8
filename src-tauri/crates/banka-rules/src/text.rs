//! Free text a person types: a name as an ID document writes it, and other one-line text (an
//! address, a bank or branch) with no control characters and a bounded length.

use crate::finding::{Allowed, Checked, Problem};

/// A person's name: long minority names written with "·" and foreign permanent residents'
/// names fit.
pub const MAX_NAME: usize = 50;
/// Other one-line text: an address down to building and room, an organisation's name.
pub const MAX_TEXT: usize = 200;

/// Spaces as one (the ideographic space too) and the middle dots people type for "·" (a
/// minority name's separator on the ID card) as "·".
fn tidy(input: &str) -> String {
    let dots = input.chars().map(|c| if matches!(c, '•' | '・' | '‧' | '∙' | '⋅') { '·' } else { c });
    let mut out = String::new();
    for c in dots {
        if c.is_whitespace() && !c.is_control() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out.trim().to_owned()
}

fn checked(value: String, allowed: Allowed, max: usize) -> Checked<String> {
    let length = value.chars().count();
    let problem = if value.is_empty() {
        Some(Problem::Empty)
    } else if length > max {
        // Before the characters: a pasted page is reported as too long, not by its first symbol.
        Some(Problem::TooLong { max, actual: length })
    } else {
        allowed.first_violation(&value)
    };
    Checked::code(value, problem.into_iter().collect())
}

/// A person's name: letters (Chinese characters included), spaces, "·", ".", "-", "'"; at most
/// `MAX_NAME` characters.
pub fn check_name(input: &str) -> Checked<String> {
    checked(tidy(input), Allowed::Name, MAX_NAME)
}

/// One line of text of at most `max` characters, with no control characters.
pub fn check_text(input: &str, max: usize) -> Checked<String> {
    checked(input.trim().to_owned(), Allowed::Text, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(c: &Checked<String>) -> Vec<&'static str> {
        c.problems.iter().map(Problem::code).collect()
    }

    #[test]
    fn names_as_id_documents_write_them() {
        for ok in ["王晓明", "买买提·艾力", "买买提•艾力", "John A. Smith", "O'Brien-Li", "Zoë Müller", "  李 四  "]
        {
            assert!(check_name(ok).is_valid(), "{ok}: {:?}", check_name(ok).problems);
        }
        assert_eq!(check_name("买买提•艾力").normalized, "买买提·艾力");
        assert_eq!(check_name("  李\u{3000}\u{3000}四 ").normalized, "李 四");
        assert_eq!(codes(&check_name("王😀明")), ["character"]);
        assert_eq!(codes(&check_name("王\u{0}明")), ["character"]);
        assert_eq!(codes(&check_name("王晓明3")), ["character"]);
        assert_eq!(codes(&check_name("")), ["required"]);
        // The tester's 5-million-character name.
        let huge = "王".repeat(5_000_000);
        assert_eq!(check_name(&huge).problems, [Problem::TooLong { max: MAX_NAME, actual: 5_000_000 }]);
        assert!(check_name(&"王".repeat(MAX_NAME)).is_valid());
    }

    #[test]
    fn other_text_has_no_control_characters_and_a_length_limit() {
        assert!(check_text("朝阳区建国路88号院3号楼 2单元 501", MAX_TEXT).is_valid());
        assert!(check_text("🏠 建国路88号", MAX_TEXT).is_valid(), "symbols are someone's business in an address");
        assert_eq!(codes(&check_text("建国路\n88号", MAX_TEXT)), ["character"]);
        assert_eq!(codes(&check_text("a".repeat(201).as_str(), MAX_TEXT)), ["too_long"]);
    }
}
