//! Durable file writes: a file the app says it wrote survives a crash or a power cut whole.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder, synced and renamed over
/// the target, then syncs the folder so the rename itself is durable.
/// Only a regular file is replaced: a symlink, FIFO or device at `path` is refused, as is a
/// folder that does not exist (none is made).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "不是普通文件，不会被替换 / not a regular file, so it is not replaced",
            ))
        }
        _ => {}
    }
    let tmp = synced_temporary(path, bytes)?;
    std::fs::rename(&tmp, path)?;
    sync_folder(path)
}

/// Like `write_atomically`, but only if `path` does not exist yet: false (nothing written) when
/// another process made it first. The hard link cannot replace a file, so of two writers at
/// the same moment exactly one wins.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    let tmp = synced_temporary(path, bytes)?;
    let linked = std::fs::hard_link(&tmp, path);
    std::fs::remove_file(&tmp)?;
    match linked {
        Ok(()) => sync_folder(path).map(|()| true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

/// A synced copy of `bytes` beside `path`, named for this process and thread so that writers
/// at the same moment never share it.
fn synced_temporary(path: &Path, bytes: &[u8]) -> std::io::Result<std::path::PathBuf> {
    if !folder(path).is_dir() {
        return Err(std::io::Error::new(std::io::ErrorKind::NotFound, "文件夹不存在 / the folder does not exist"));
    }
    let tmp = path.with_extension(format!("{}-{:?}.tmp", std::process::id(), std::thread::current().id()));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    Ok(tmp)
}

fn sync_folder(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(folder(path))?.sync_all()?;
    Ok(())
}

/// The folder `path` is in: a bare file name (`fixed.jpg`) is in the current folder, which
/// `Path::parent` gives as "".
fn folder(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_where_it_is_named_and_nothing_else_is_replaced_or_made() {
        let here = tempfile::tempdir().unwrap();
        let file = here.path().join("fixed.jpg");
        write_atomically(&file, b"one").unwrap();
        write_atomically(&file, b"two").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"two");

        let missing = here.path().join("no such folder").join("fixed.jpg");
        assert_eq!(write_atomically(&missing, b"x").unwrap_err().kind(), std::io::ErrorKind::NotFound);
        assert!(!missing.parent().unwrap().exists(), "no folder is made");

        #[cfg(unix)]
        {
            let link = here.path().join("link.jpg");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert_eq!(write_atomically(&link, b"x").unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
            assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
            let device = Path::new("/dev/null");
            assert_eq!(write_atomically(device, b"x").unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
        }
        let left: Vec<_> = std::fs::read_dir(here.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left.len(), 2, "no temporary file is left: {left:?}");
    }

    #[test]
    fn a_bare_file_name_is_in_the_current_folder() {
        assert_eq!(folder(Path::new("fixed.jpg")), Path::new("."));
        assert_eq!(folder(Path::new("out/fixed.jpg")), Path::new("out"));
    }
}
