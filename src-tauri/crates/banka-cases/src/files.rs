//! Durable file writes: a file the app says it wrote survives a crash or a power cut whole.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder, synced and renamed over
/// the target, then syncs the folder so the rename itself is durable.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
    let tmp = path.with_extension(format!("{}-{:?}.tmp", std::process::id(), std::thread::current().id()));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    Ok(tmp)
}

fn sync_folder(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(path.parent().unwrap_or(Path::new(".")))?.sync_all()?;
    Ok(())
}
