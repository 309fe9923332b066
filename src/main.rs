use std::process::ExitCode;

fn main() -> ExitCode {
    ladder::cli::main()
}
