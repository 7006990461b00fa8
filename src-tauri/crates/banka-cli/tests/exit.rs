//! Short `banka case` runs, as a center's script makes hundreds a day: each ends with exit 0
//! after its change is committed, never with a crash in OpenSSL's exit-time teardown (which
//! used to kill about 1 run in 120), and the process can leave no core dump with the key in it.
//! `STRESS_RUNS=5000 cargo test -p banka-cli --test exit` for the long proof.

use std::path::Path;
use std::process::{Command, Stdio};

use banka_cases::{KdfParams, Passphrase, Store};

const PASSPHRASE: &str = "center machine 7";

fn banka(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_banka"))
        .arg("case")
        .arg("--data")
        .arg(data)
        .args(args)
        .env("BANKA_PASSPHRASE", PASSPHRASE)
        .env_remove("BANKA_OPERATOR")
        .stdin(Stdio::null())
        .output()
        .expect("banka runs")
}

#[test]
fn thousands_of_short_runs_commit_and_exit_cleanly() {
    let here = tempfile::tempdir().unwrap();
    let data = here.path().join("data");
    // The cheapest key derivation, so the runs measure the exit and not Argon2.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let id = runtime.block_on(async {
        let store = Store::create(&data, &Passphrase::new(PASSPHRASE), KdfParams::MINIMUM).await.unwrap();
        let id = store.new_case("bj-individual", &banka_cases::Actor::Resident).await.unwrap().id;
        store.close().await;
        id
    });
    let runs: usize = std::env::var("STRESS_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(2000);
    let failed = std::sync::Mutex::new(Vec::new());
    // Two at a time (the machine's cores): the store takes them in turn.
    std::thread::scope(|s| {
        for worker in 0..2 {
            let (data, id, failed) = (&data, &id, &failed);
            s.spawn(move || {
                for run in (worker..runs).step_by(2) {
                    let name = if run % 2 == 0 { "王小明" } else { "王晓明" };
                    let out = banka(data, &["set", id, "applicant.name", name]);
                    if out.status.code() != Some(0) {
                        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
                        failed.lock().unwrap().push(format!("run {run}: {:?} {stderr}", out.status));
                    }
                }
            });
        }
    });
    let failed = failed.into_inner().unwrap();
    assert!(failed.is_empty(), "{} of {runs} runs failed:\n{}", failed.len(), failed.join("\n"));
}

#[cfg(target_os = "linux")]
#[test]
fn the_cli_leaves_no_core_dump() {
    // A run that stays until it is killed, so its limits can be read from outside.
    let here = tempfile::tempdir().unwrap();
    let mut serving = Command::new(env!("CARGO_BIN_EXE_banka"));
    serving.args(["agency", "serve", "--addr", "127.0.0.1:0", "--data"]).arg(here.path());
    // Started where core dumps are on, as on a developer's machine.
    // SAFETY: only an async-signal-safe system call between fork and exec.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(&mut serving, || {
            let on = libc::rlimit { rlim_cur: libc::RLIM_INFINITY, rlim_max: libc::RLIM_INFINITY };
            libc::setrlimit(libc::RLIMIT_CORE, &on);
            Ok(())
        })
    };
    let mut serving = serving.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    // It prints where it listens once it is up (and hardened: that is main's first line).
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(serving.stdout.take().unwrap()), &mut line).unwrap();
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", serving.id())).unwrap();
    serving.kill().unwrap();
    serving.wait().unwrap();
    let core = limits.lines().find(|l| l.starts_with("Max core file size")).expect("a core limit");
    assert_eq!(core.split_whitespace().skip(4).take(2).collect::<Vec<_>>(), ["0", "0"], "{core}");
}
