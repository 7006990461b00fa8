//! What a process that holds case keys does first: no core dumps (a crash's core would hold the
//! database key, the passphrase and applicants' answers), and SQLCipher's OpenSSL kept from
//! tearing itself down at exit under a thread that still uses it.

/// Call first thing in `main`, before any passphrase is read or key derived.
pub fn process() {
    no_core_dumps();
    crypto();
}

fn no_core_dumps() {
    #[cfg(unix)]
    {
        let none = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: plain system calls on this process, with a valid rlimit.
        unsafe { libc::setrlimit(libc::RLIMIT_CORE, &none) };
    }
    // Also keeps a `core_pattern` pipe (systemd-coredump, apport) from receiving the memory,
    // and other processes of the same user from reading it through /proc or ptrace.
    #[cfg(target_os = "linux")]
    // SAFETY: as above.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0)
    };
}

/// OpenSSL (SQLCipher's crypto provider on Linux and Windows) registers `OPENSSL_cleanup` with
/// `atexit`. sqlx's connection threads are not joined before `exit`, and one still running its
/// thread-local clean-up then frees what the teardown freed: short CLI commands died (2 runs
/// in 3,000 here, 1 in 120 on a tester's machine) with "double free or corruption" after committing. With
/// `OPENSSL_INIT_NO_ATEXIT` OpenSSL is never torn down; the OS takes its memory back with the
/// process. The `Store` calls this too before it connects; the first call decides, so it must
/// come before SQLCipher's first key.
pub(crate) fn crypto() {
    #[cfg(not(target_vendor = "apple"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            // SAFETY: OpenSSL ≥ 1.1.0 allows this call from any thread, any number of times;
            // the settings may be null.
            unsafe { OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, std::ptr::null()) };
        });
    }
}

/// `crypto.h` (OpenSSL ≥ 1.1.1).
#[cfg(not(target_vendor = "apple"))]
const OPENSSL_INIT_NO_ATEXIT: u64 = 0x0008_0000;

#[cfg(not(target_vendor = "apple"))]
extern "C" {
    // Linked with the libcrypto that libsqlite3-sys links SQLCipher against.
    fn OPENSSL_init_crypto(opts: u64, settings: *const std::ffi::c_void) -> std::ffi::c_int;
}

#[cfg(test)]
mod tests {
    /// Whether this process can leave a core dump or be read by another process of the same user
    /// (Linux: `PR_GET_DUMPABLE`; elsewhere: a core size limit above zero).
    fn dumpable() -> bool {
        #[cfg(target_os = "linux")]
        // SAFETY: PR_GET_DUMPABLE takes no pointer arguments.
        if unsafe { libc::prctl(libc::PR_GET_DUMPABLE) } != 0 {
            return true;
        }
        #[cfg(unix)]
        {
            let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
            // SAFETY: `limit` is a valid rlimit to write into.
            unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) };
            limit.rlim_cur != 0
        }
        #[cfg(not(unix))]
        false
    }

    #[test]
    fn a_hardened_process_leaves_no_core_and_cannot_be_read() {
        super::process();
        assert!(!dumpable());
    }
}
