//! What the command reads, bounded: files under a size limit (a device, a FIFO or a huge file is
//! read no further than the limit and a byte, and refused with the limit named, never held
//! whole), and application dates within the years a card can be applied for.

use std::io::Read;
use std::path::Path;

/// `--answers FILE.json`: thousands of answers fit in a fraction of this.
pub const ANSWERS_LIMIT: u64 = 4 << 20;
/// `validate --batch FILE.csv`: a province's roster of ID numbers fits.
pub const CSV_LIMIT: u64 = 64 << 20;

/// `--on DATE`: an application date from 2000 (before any card of this kind) to a year ahead;
/// 9999-12-31 would judge a person 8,000 years old.
pub fn application_date(text: &str) -> Result<chrono::NaiveDate, String> {
    let date = chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text} is not a date: write it as YYYY-MM-DD, e.g. 2026-12-02"))?;
    let earliest = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("a real date");
    let latest = chrono::Local::now().date_naive() + chrono::Days::new(366);
    if date < earliest || date > latest {
        return Err(format!(
            "{date} is outside the application dates Banka judges: give one from {earliest} to {latest}"
        ));
    }
    Ok(date)
}

#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    TooLarge { limit: u64 },
}

impl ReadError {
    /// What a person reads: the file, what went wrong, and the limit when that was it.
    pub fn message(&self, path: &Path) -> String {
        match self {
            ReadError::Io(e) => format!("无法读取文件 / cannot read {}: {e}", path.display()),
            ReadError::TooLarge { limit } => format!(
                "{} 超过 {} MB 的上限，未读取 / is over the {} MB limit and was not read",
                path.display(),
                limit >> 20,
                limit >> 20
            ),
        }
    }
}

/// The bytes of `path`, when there are at most `limit` of them.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_from(std::fs::File::open(path).map_err(ReadError::Io)?, limit)
}

/// The bytes `from` gives (a file, standard input), when there are at most `limit` of them.
pub fn read_from(from: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    from.take(limit + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_file_is_refused_at_the_limit() {
        #[cfg(unix)]
        {
            let refused = read(Path::new("/dev/zero"), 1 << 20).unwrap_err();
            assert!(matches!(refused, ReadError::TooLarge { limit } if limit == 1 << 20));
            assert!(refused.message(Path::new("/dev/zero")).contains("1 MB limit"));
        }
        let here = tempfile::tempdir().unwrap();
        let file = here.path().join("answers.json");
        std::fs::write(&file, b"{}").unwrap();
        assert_eq!(read(&file, 2).unwrap(), b"{}");
        assert!(matches!(read(&file, 1), Err(ReadError::TooLarge { .. })));
        assert!(matches!(read(&here.path().join("none"), 1), Err(ReadError::Io(_))));
    }
}
