//! `banka photo check|fix`: the upload checks and fixes of the app, on files.

use std::path::PathBuf;
use std::process::ExitCode;

use banka_flows::vocabulary::DocumentKind;
use banka_photos::{check, fix, FixOptions};
use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum PhotoCommand {
    /// Check a picture as an upload of a kind: prints ok, problems, width, height, bytes, format.
    /// Exit 0 when ok, 1 when not.
    Check {
        file: PathBuf,
        #[command(flatten)]
        kind: KindArg,
    },
    /// Write the fixed picture to OUT and print its report with the changes made. Exit 0 when
    /// the fixed picture is ok, 1 when problems remain (or the picture cannot be read).
    Fix {
        input: PathBuf,
        out: PathBuf,
        #[command(flatten)]
        kind: KindArg,
        /// Turn a document on its side upright: degrees clockwise.
        #[arg(long, value_parser = ["90", "180", "270"])]
        rotate: Option<String>,
    },
}

#[derive(Args)]
pub struct KindArg {
    /// What the picture is (card_photo, id_card_front, hukou_main_page, …).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(DocumentKind::ALL.map(DocumentKind::name)))]
    kind: String,
}

impl KindArg {
    fn get(&self) -> DocumentKind {
        DocumentKind::from_name(&self.kind).expect("clap checked the kind")
    }
}

pub fn run(command: PhotoCommand) -> ExitCode {
    match command {
        PhotoCommand::Check { file, kind } => {
            let Ok(bytes) = read(&file) else { return ExitCode::from(2) };
            let report = check(kind.get(), &bytes);
            crate::print_json(&report);
            crate::exit(report.ok)
        }
        PhotoCommand::Fix { input, out, kind, rotate } => {
            let Ok(bytes) = read(&input) else { return ExitCode::from(2) };
            let quarter_turns = rotate.map_or(0, |r| (r.parse::<u16>().expect("clap checked it") / 90) as u8);
            match fix(kind.get(), &bytes, FixOptions { quarter_turns }) {
                Ok(fixed) => {
                    if let Err(e) = banka_cases::files::write_atomically(&out, &fixed.bytes) {
                        eprintln!("banka: 无法写入 / cannot write {}: {e}", out.display());
                        return ExitCode::from(2);
                    }
                    let mut printed = serde_json::to_value(&fixed.report).expect("reports serialise");
                    printed["changes"] = serde_json::to_value(&fixed.changes).expect("changes serialise");
                    crate::print_json(&printed);
                    crate::exit(fixed.report.ok)
                }
                Err(report) => {
                    crate::print_json(&report);
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn read(path: &std::path::Path) -> Result<Vec<u8>, ()> {
    banka_cli::input::read(path, banka_cases::MAX_DOCUMENT_BYTES as u64)
        .map_err(|e| eprintln!("banka: {}", e.message(path)))
}
