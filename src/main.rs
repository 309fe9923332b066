//! The `ladder` command: a thin entry point over the library's [`ladder::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    ladder::cli::main()
}
