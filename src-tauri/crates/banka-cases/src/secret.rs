//! Secrets in memory pages of their own: locked out of swap where the OS allows (mlock,
//! VirtualLock, through `region`) and wiped when dropped. The database key lives here, and is
//! handed to SQLCipher from here (`store::keyed`), which keeps its copies in memory it locks too.

use std::ops::{Deref, DerefMut};

use zeroize::Zeroize;

/// 16 KiB alignment: a page on Apple silicon, four on x86, so a secret never shares a page with
/// other data, and unlocking it cannot unlock anyone else's.
#[repr(C, align(16384))]
struct Page<T>(T);

pub struct Locked<T: Zeroize> {
    page: Box<Page<T>>,
    /// Unlocks the page when dropped, after `drop` has wiped it. `None` where the OS refused
    /// (a memory-lock limit reached): the secret is still wiped, only swappable.
    lock: Option<region::LockGuard>,
}

impl<T: Zeroize> Locked<T> {
    pub fn new(value: T) -> Self {
        let page = Box::new(Page(value));
        let lock = region::lock(&page.0 as *const T, std::mem::size_of::<T>().max(1)).ok();
        Locked { page, lock }
    }

    /// Whether the OS keeps this secret out of swap.
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }
}

impl<T: Zeroize> Drop for Locked<T> {
    fn drop(&mut self) {
        self.page.0.zeroize();
    }
}

impl<T: Zeroize + Clone> Clone for Locked<T> {
    fn clone(&self) -> Self {
        Locked::new(self.page.0.clone())
    }
}

impl<T: Zeroize> Deref for Locked<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.page.0
    }
}

impl<T: Zeroize> DerefMut for Locked<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.page.0
    }
}

impl<T: Zeroize> std::fmt::Debug for Locked<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Locked(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `Locked:` size (kB) of the mapping that holds `address`, from /proc/self/smaps.
    #[cfg(target_os = "linux")]
    fn locked_kb(address: usize) -> u64 {
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
        let mut inside = false;
        for line in smaps.lines() {
            if let Some((range, _)) = line.split_once(' ').filter(|(r, _)| r.contains('-') && !r.ends_with(':')) {
                let (start, end) = range.split_once('-').unwrap();
                let (start, end) = (usize::from_str_radix(start, 16).unwrap(), usize::from_str_radix(end, 16).unwrap());
                inside = (start..end).contains(&address);
            } else if inside {
                if let Some(kb) = line.strip_prefix("Locked:") {
                    return kb.trim().trim_end_matches("kB").trim().parse().unwrap();
                }
            }
        }
        panic!("no mapping holds {address:#x}");
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn a_secret_sits_alone_in_locked_memory_and_is_wiped() {
        let key = Locked::new([7u8; 32]);
        let address = key.as_ptr() as usize;
        assert_eq!(address % 16384, 0, "on a page of its own");
        assert!(key.is_locked(), "mlock refused (RLIMIT_MEMLOCK?)");
        assert!(locked_kb(address) >= 4, "the page is locked in RAM");
        let copy = key.clone();
        assert_eq!(*copy, [7u8; 32]);
        drop(copy);
        assert!(locked_kb(address) >= 4, "dropping a copy leaves the first locked");
    }
}
