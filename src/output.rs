//! Writing outputs safely, and naming their inputs: the two things every artifact needs.

use std::io::Write;
use std::path::Path;

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
    let mut temporary = tempfile::Builder::new()
        .prefix(".ladder-")
        .suffix(".tmp")
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
