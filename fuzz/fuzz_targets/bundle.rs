#![no_main]
//! The case bundle reader on what a bundle's seal holds (the tar, its manifest, case records
//! and documents), as anyone who knows the bundle passphrase could make it: any bytes give a
//! clear refusal or a checked bundle, never a panic, within the reader's size limits.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = banka_cases::testing::read_opened_bundle(data);
});
