//! Writing outputs safely, and naming their inputs: the two things every artifact needs.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// A stable 128-bit content hash (SipHash 1-3 with fixed keys), as hex. Stable across runs,
/// machines and Rust versions, unlike `std`'s `DefaultHasher`.
pub struct ContentHasher(siphasher::sip128::SipHasher13);

impl ContentHasher {
    /// A hasher with nothing added yet.
    pub fn new() -> Self {
        ContentHasher(siphasher::sip128::SipHasher13::new())
    }

    /// Adds a length-prefixed part, so that ("ab", "c") and ("a", "bc") differ.
    pub fn add(&mut self, bytes: &[u8]) {
        use std::hash::Hasher;
        self.0.write(&(bytes.len() as u64).to_le_bytes());
        self.0.write(bytes);
    }

    /// The hash of every part added, as 32 lower-case hex digits.
    pub fn finish(self) -> String {
        use siphasher::sip128::Hasher128;
        format!("{:032x}", self.0.finish128().as_u128())
    }
}

impl Default for ContentHasher {
    fn default() -> Self {
        Self::new()
    }
}

/// Writes a file so that it is either the old one or the complete new one: the content goes to
/// a temporary file in the same folder, which replaces the target only once fully written and
/// flushed. If `write` fails, the temporary file is removed and the target is untouched.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = temporary_builder()
        .tempfile_in(folder)
        .with_context(|| format!("cannot create a temporary file in {}", folder.display()))?;
    {
        let mut buffered = std::io::BufWriter::new(temporary.as_file_mut());
        write(&mut buffered).with_context(|| format!("cannot write {}", path.display()))?;
        buffered
            .flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    temporary
        .as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    temporary
        .persist(path)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

/// Temporary files and folders are named `.ladder-*.tmp`, so that a later build can tell the
/// leftovers of an interrupted one ([`remove_stale_temporaries`]). Files get the normal mode of
/// new files (0666 less the umask), not tempfile's private 0600.
fn temporary_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMPORARY_PREFIX).suffix(TEMPORARY_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

const TEMPORARY_PREFIX: &str = ".ladder-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// Writes a folder of files so that it is either the old folder or the complete new one: the
/// files go to a temporary folder beside it, which then takes the old folder's place. A write
/// that fails leaves the old folder as it was and no temporary folder behind.
pub fn write_folder_atomically(target: &Path, files: &[(PathBuf, &[u8])]) -> anyhow::Result<()> {
    let parent = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .tempdir_in(parent)
        .with_context(|| format!("cannot create a temporary folder in {}", parent.display()))?;
    for (relative, bytes) in files {
        let path = staging.path().join(relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("cannot create the folder {}", folder.display()))?;
        }
        let shown = target.join(relative);
        write_atomically(&path, |out| out.write_all(bytes))
            .with_context(|| format!("cannot write {}", shown.display()))?;
    }
    // The old folder steps aside into a temporary folder of its own, deleted when it drops.
    let old = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .tempdir_in(parent)
        .with_context(|| format!("cannot create a temporary folder in {}", parent.display()))?;
    let had_old = target.exists();
    if had_old {
        std::fs::rename(target, old.path().join("old"))
            .with_context(|| format!("cannot replace {}", target.display()))?;
    }
    let staged = staging.keep();
    if let Err(error) = std::fs::rename(&staged, target) {
        if had_old {
            let _ = std::fs::rename(old.path().join("old"), target);
        }
        let _ = std::fs::remove_dir_all(&staged);
        return Err(error).with_context(|| format!("cannot replace {}", target.display()));
    }
    Ok(())
}

/// Removes the `.ladder-*.tmp` files and folders an interrupted build left in `folder` and its
/// subfolders (to `depth` levels). Only call it while holding the output folder's
/// [`BuildLock`], so that no running build's temporary file is taken from under it.
pub fn remove_stale_temporaries(folder: &Path, depth: usize) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
        if name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX) {
            let _ = if is_dir {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
        } else if is_dir && depth > 0 {
            remove_stale_temporaries(&path, depth - 1);
        }
    }
}

/// An exclusive lock on an output folder for the length of a build: two builds into one folder
/// take turns instead of interleaving.
pub struct BuildLock {
    _file: std::fs::File,
}

impl BuildLock {
    /// Takes the lock of `out_dir` (waiting for another build to finish).
    pub fn acquire(out_dir: &Path) -> anyhow::Result<BuildLock> {
        let path = out_dir.join(".ladder.lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        file.lock()
            .with_context(|| format!("cannot lock {}", path.display()))?;
        Ok(BuildLock { _file: file })
    }
}
