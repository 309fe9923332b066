//! The build benchmark: prints figures, asserts nothing. Run with `cargo bench --bench build`.
//!
//! 1. the five shipped ladders in every format, from cold (fonts and layouts loaded, no caches);
//! 2. the time per artifact kind;
//! 3. a synthetic batch of ladders with `--jobs 1` and `--jobs 2`, and the speed-up;
//! 4. peak memory (the process's high-water mark, from /proc);
//! 5. the same PDFs compiled by the typst CLI from the `--emit-typst` sources, one process per
//!    document as a script or CI job would run it, and the ratio;
//! 6. a hiring batch: 200 personalized one-pagers from a candidates file, and the same batch
//!    again with nothing changed; then batches of 1,000 and 10,000 as whole processes (CPU per
//!    page, peak memory, and the slope to 100,000);
//! 7. a very large ladder (50 tracks × 40 levels × 8 areas × 10 bullets, 5.5 MB of YAML) built
//!    by the `ladder` binary with the default jobs, its time and its own peak memory (its
//!    booklet comes in volumes, a track each).
//!
//! 8. importing long tables (levels as rows, titles repeated: 2,000 and 8,000 rows; areas as
//!    rows: 4,000 rows) with `ladder import`, each a process of its own.
//!
//! `LADDER_BENCH_BATCH` sets the size of the synthetic batch (default 200);
//! `LADDER_BENCH_OFFERS` the sizes of the whole-process hiring batches (default `1000,10000`,
//! `0` skips them);
//! `LADDER_BENCH_BIG=0` skips the large ladder.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use ladder::build::{self, BuildOptions, Silent};
use ladder::Workspace;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn options(out: &Path, jobs: Option<usize>) -> BuildOptions {
    let mut options = BuildOptions {
        out_dir: out.to_path_buf(),
        formats: Vec::new(),
        jobs,
        force: true,
        ..BuildOptions::default()
    };
    options.export.pdf.layouts_dir = Some(repo("layouts"));
    options
}

fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn seconds(duration: Duration) -> String {
    format!("{:.2} s", duration.as_secs_f64())
}

/// A batch of `count` ladders made from the shipped ones, each with its own id.
fn synthetic_batch(count: usize, folder: &Path) {
    let sources: Vec<(String, String)> = std::fs::read_dir(repo("ladders"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    for index in 0..count {
        let (stem, text) = &sources[index % sources.len()];
        let text = text.replacen("\ntitle: ", &format!("\ntitle: Batch {index} "), 1);
        std::fs::write(folder.join(format!("{stem}-{index:03}.yaml")), text).unwrap();
    }
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is expected.
    println!(
        "ladder build benchmark ({} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    // 1. Cold build of the shipped ladders.
    let out = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let workspace = Workspace::load(&[repo("ladders")]);
    let report = build::build(&workspace.ladders, &options(out.path(), None), &Silent).unwrap();
    let cold = started.elapsed();
    assert_eq!(report.failed(), 0);
    println!(
        "\nfive seed ladders, every format, cold: {} ({} artifacts)",
        seconds(cold),
        report.artifacts.len()
    );

    // 2. Time per artifact kind, one document at a time (inside a parallel build, typst's own
    //    parallel layout lends a worker to other jobs, so per-job clocks overlap).
    println!("\ntime per artifact, one at a time (mean over the seeds):");
    let context =
        ladder::export::pdf::Context::new(&options(out.path(), None).export.pdf, true).unwrap();
    let stamp = ladder::export::Stamp::new("benchmark");
    let dictionaries = ladder::labels::Dictionaries::built_in();
    let views: Vec<(&ladder::Ladder, ladder::view::LadderView)> = workspace
        .ladders
        .iter()
        .map(|loaded| {
            let (labels, _) = dictionaries.labels(loaded.ladder.language());
            (
                &loaded.ladder,
                ladder::view::LadderView::new(&loaded.ladder, labels),
            )
        })
        .collect();
    let ladders = &views;
    let timed = |name: &str, count: usize, run: &mut dyn FnMut()| {
        let started = Instant::now();
        run();
        println!(
            "  {name:<22} {:>8.1} ms  ({count} made)",
            started.elapsed().as_secs_f64() * 1000.0 / count as f64
        );
    };
    timed("booklet (PDF)", ladders.len(), &mut || {
        for (_, view) in ladders {
            context.booklet(view, &stamp).unwrap();
        }
    });
    let levels: Vec<(&ladder::view::LadderView, String)> = ladders
        .iter()
        .flat_map(|(_, view)| {
            view.levels()
                .map(move |(_, level)| (view, level.id.clone()))
        })
        .collect();
    timed("one-pager (PDF)", levels.len(), &mut || {
        for (view, level) in &levels {
            context.offer(view, level, None, &stamp).unwrap();
        }
    });
    timed("handbook (Markdown)", ladders.len(), &mut || {
        for (_, view) in ladders {
            ladder::export::markdown::handbook(view, &stamp).unwrap();
        }
    });
    timed("workbook (Excel)", ladders.len(), &mut || {
        for (ladder, view) in ladders {
            let options = ladder::export::xlsx::WorkbookOptions {
                roster: None,
                filled: None,
                stamp: &stamp,
            };
            let input = ladder::export::Input { ladder, view };
            ladder::export::xlsx::workbook(input, &options).unwrap();
        }
    });

    // A second build with nothing changed.
    let mut again = options(out.path(), None);
    again.force = false;
    let started = Instant::now();
    let report = build::build(&workspace.ladders, &again, &Silent).unwrap();
    println!(
        "\nsecond build, nothing changed: {:.0} ms ({} up to date)",
        started.elapsed().as_secs_f64() * 1000.0,
        report.up_to_date()
    );
    println!(
        "peak memory so far: {:.0} MiB",
        peak_memory_mib().unwrap_or(f64::NAN)
    );

    // 3. The synthetic batch, one worker then two.
    let count: usize = std::env::var("LADDER_BENCH_BATCH")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(200);
    let batch = tempfile::tempdir().unwrap();
    synthetic_batch(count, batch.path());
    let workspace = Workspace::load(&[batch.path().to_path_buf()]);
    assert_eq!(
        workspace.ladders.len(),
        count,
        "{}",
        workspace.render_diagnostics()
    );
    let mut times = Vec::new();
    for jobs in [1, 2] {
        let out = tempfile::tempdir().unwrap();
        let started = Instant::now();
        let report = build::build(
            &workspace.ladders,
            &options(out.path(), Some(jobs)),
            &Silent,
        )
        .unwrap();
        let elapsed = started.elapsed();
        assert_eq!(report.failed(), 0);
        println!(
            "\nbatch of {count} ladders, --jobs {jobs}: {} ({} artifacts, {:.0} artifacts/s)",
            seconds(elapsed),
            report.artifacts.len(),
            report.artifacts.len() as f64 / elapsed.as_secs_f64()
        );
        println!(
            "peak memory so far: {:.0} MiB",
            peak_memory_mib().unwrap_or(f64::NAN)
        );
        times.push(elapsed);
    }
    println!(
        "speed-up from --jobs 1 to --jobs 2: {:.2}x",
        times[0].as_secs_f64() / times[1].as_secs_f64()
    );

    // 5. Against the typst CLI, on the same sources.
    compare_with_typst_cli();

    // 6. A hiring batch of 200 candidates, in parallel, and again with nothing changed; then
    //    batches of 1,000 and 10,000 as whole processes.
    candidate_batch();
    if std::env::var("LADDER_BENCH_OFFERS").as_deref() != Ok("0") {
        offer_batches();
    }

    // 7. The very large ladder, in a process of its own.
    if std::env::var("LADDER_BENCH_BIG").as_deref() != Ok("0") {
        big_ladder();
    }

    // 8. Importing long tables.
    long_table_imports();
}

/// Imports generated Markdown tables as `ladder import` would a large export: levels as rows
/// with their titles repeated (every row a level of its own), and areas as rows under three
/// level columns. Prints each one's time and peak memory.
fn long_table_imports() {
    let folder = tempfile::tempdir().unwrap();
    let levels_down = |rows: usize| -> String {
        let mut text = String::from("# Long\n\n| Level | Area | Expectation |\n|---|---|---|\n");
        for row in 0..rows {
            text.push_str(&format!(
                "| L{} | Area {} | Does thing number {row} well and often |\n",
                row % 5 + 1,
                row % 40
            ));
        }
        text
    };
    let areas_down = |rows: usize| -> String {
        let mut text = String::from("# Long\n\n| Area | L1 | L2 | L3 |\n|---|---|---|---|\n");
        for row in 0..rows {
            text.push_str(&format!(
                "| Area {row} | does {row} | leads {row} | owns {row} |\n"
            ));
        }
        text
    };
    println!();
    for (name, text) in [
        ("2,000 rows, levels as rows", levels_down(2_000)),
        ("8,000 rows, levels as rows", levels_down(8_000)),
        ("4,000 rows, areas as rows", areas_down(4_000)),
    ] {
        let source = folder.path().join("long.md");
        std::fs::write(&source, &text).unwrap();
        let out = folder.path().join("imported");
        let measured = run_ladder(&[
            "import".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
            source.as_os_str(),
        ]);
        println!(
            "import of a table of {name} ({:.0} KB): {} ({}), peak memory {:.0} MiB",
            text.len() as f64 / 1e3,
            seconds(measured.wall),
            if measured.success {
                "imported"
            } else {
                "FAILED"
            },
            measured.peak_mib
        );
    }
}

/// 200 candidates for the levels of persado-2019, built as `ladder offer --candidates` does.
fn candidate_batch() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("candidates.csv");
    let mut csv = String::from("name,level,start date,manager\n");
    let levels = ["se-1", "se-2", "se-3", "sre-2", "m-1"];
    for index in 0..200 {
        csv.push_str(&format!(
            "Candidate {index},{},2027-01-{:02},Manager {}\n",
            levels[index % levels.len()],
            index % 28 + 1,
            index % 7
        ));
    }
    std::fs::write(&file, csv).unwrap();
    let workspace = Workspace::load(&[repo("ladders/persado-2019.yaml")]);
    let out = tempfile::tempdir().unwrap();
    let options = options(out.path(), None);
    let rows = ladder::export::candidates::read(&file).unwrap();
    let registry = ladder::export::Registry::empty().with(
        ladder::export::candidates::CandidateOffers::new(
            &options.export.pdf,
            ladder::export::candidates::Origin::File(file.clone()),
            rows,
        )
        .unwrap(),
    );
    let mut again = options.clone();
    again.force = false;
    let started = Instant::now();
    let report = build::build_with(&workspace.ladders, &registry, &options, &Silent).unwrap();
    let first = started.elapsed();
    let started = Instant::now();
    let second = build::build_with(&workspace.ladders, &registry, &again, &Silent).unwrap();
    println!(
        "\nhiring batch of 200 candidates: {} ({} one-pagers, {:.1} ms each); again, nothing changed: {:.0} ms ({} up to date)",
        seconds(first),
        report.built(),
        first.as_secs_f64() * 1000.0 / report.built().max(1) as f64,
        started.elapsed().as_secs_f64() * 1000.0,
        second.up_to_date()
    );
}

/// 50 tracks × 40 levels × 8 areas × 10 short bullets.
fn big_ladder_source() -> String {
    let mut yaml = String::from("title: Very Large Ladder\nareas:\n");
    for area in 0..8 {
        yaml.push_str(&format!("  - id: a{area}\n    name: Area {area}\n"));
    }
    yaml.push_str("tracks:\n");
    for track in 0..50 {
        yaml.push_str(&format!(
            "  - id: t{track}\n    name: Track {track}\n    kind: ic\n    levels:\n"
        ));
        for level in 0..40 {
            yaml.push_str(&format!(
                "      - id: t{track}-l{level}\n        title: Level {level} of track {track}\n        expectations:\n"
            ));
            for area in 0..8 {
                let bullets: Vec<String> = (0..10)
                    .map(|bullet| format!("Does task {bullet} of level {level}"))
                    .collect();
                yaml.push_str(&format!("          a{area}: [{}]\n", bullets.join(", ")));
            }
        }
    }
    yaml
}

/// What a whole `ladder` process took: wall time, CPU time (user + system), peak memory.
struct Measured {
    wall: Duration,
    cpu: Duration,
    peak_mib: f64,
    success: bool,
}

/// CPU time of the children this process has waited for.
#[cfg(unix)]
fn children_cpu() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes one `rusage` into the pointer it is given.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    let time = |value: libc::timeval| {
        Duration::from_secs(value.tv_sec as u64) + Duration::from_micros(value.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

#[cfg(not(unix))]
fn children_cpu() -> Duration {
    Duration::ZERO
}

/// Runs the `ladder` binary with `args`, polling its peak memory (VmHWM) until it ends.
fn run_ladder(args: &[&std::ffi::OsStr]) -> Measured {
    let cpu_before = children_cpu();
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(args)
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0.0f64;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if let Ok(status) = std::fs::read_to_string(&status_file) {
            if let Some(kib) = status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|value| value.parse::<f64>().ok())
            {
                peak_kib = peak_kib.max(kib);
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Measured {
        wall: started.elapsed(),
        cpu: children_cpu().saturating_sub(cpu_before),
        peak_mib: peak_kib / 1024.0,
        success: status.success(),
    }
}

/// Hiring batches as a recruiter runs them (`ladder offer --candidates`, whole processes):
/// `LADDER_BENCH_OFFERS` sizes (default 1,000 and 10,000), the CPU per page, the peak memory,
/// and what 100,000 would take at the slope between the two largest.
fn offer_batches() {
    let sizes: Vec<usize> = std::env::var("LADDER_BENCH_OFFERS")
        .unwrap_or_else(|_| String::from("1000,10000"))
        .split(',')
        .filter_map(|size| size.trim().parse().ok())
        .collect();
    let levels = [
        "se-1", "se-2", "se-3", "se-4", "sre-2", "sre-4", "m-1", "m-3",
    ];
    let mut figures = Vec::new();
    println!(
        "
hiring batches, whole processes (persado-2019, every level, a name and a date per row):"
    );
    for size in sizes {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("candidates.csv");
        let mut csv = String::from("name,level,date\n");
        for index in 0..size {
            csv.push_str(&format!(
                "Candidate {index},{},2027-01-{:02}\n",
                levels[index % levels.len()],
                index % 28 + 1
            ));
        }
        std::fs::write(&file, csv).unwrap();
        let out = folder.path().join("out");
        let ladder = repo("ladders/persado-2019.yaml");
        let layouts = repo("layouts");
        let measured = run_ladder(&[
            "offer".as_ref(),
            ladder.as_os_str(),
            "--candidates".as_ref(),
            file.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
            "--layouts".as_ref(),
            layouts.as_os_str(),
            "--quiet".as_ref(),
        ]);
        println!(
            "  {size:>6} one-pagers: {} wall, {:.1} ms of CPU per page, peak memory {:.0} MiB{}",
            seconds(measured.wall),
            measured.cpu.as_secs_f64() * 1000.0 / size as f64,
            measured.peak_mib,
            if measured.success { "" } else { " (FAILED)" }
        );
        figures.push((size, measured.wall));
    }
    if let [.., (small, small_wall), (large, large_wall)] = figures.as_slice() {
        let slope = (large_wall.as_secs_f64() - small_wall.as_secs_f64()) / (large - small) as f64;
        println!(
            "  slope {:.2} ms of wall per page: 100,000 one-pagers in about {:.1} minutes",
            slope * 1000.0,
            (large_wall.as_secs_f64() + slope * (100_000 - large) as f64) / 60.0
        );
    }
}

/// Builds the very large ladder with the `ladder` binary and the default jobs, polling the
/// process's peak memory (VmHWM) until it ends.
fn big_ladder() {
    let folder = tempfile::tempdir().unwrap();
    let source = folder.path().join("big.yaml");
    std::fs::write(&source, big_ladder_source()).unwrap();
    let size = std::fs::metadata(&source).unwrap().len();
    let out = folder.path().join("out");
    let measured = run_ladder(&[
        "build".as_ref(),
        "--quiet".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
        source.as_os_str(),
    ]);
    // poppler's pdfinfo counts the pages without loading the whole document.
    let pages = Command::new("pdfinfo")
        .arg(out.join("big/big.pdf"))
        .output()
        .ok()
        .and_then(|output| {
            String::from_utf8_lossy(&output.stdout)
                .lines()
                .find_map(|line| line.strip_prefix("Pages:"))
                .and_then(|pages| pages.trim().parse::<usize>().ok())
        })
        .unwrap_or(0);
    let volumes = std::fs::read_dir(out.join("big/volumes")).map_or(0, |entries| entries.count());
    println!(
        "\nvery large ladder ({:.1} MB of YAML, 2,000 levels, 160,000 bullets), default jobs: {} ({}), {:.0} s of CPU, main booklet of {pages} pages and {volumes} volumes, peak memory {:.0} MiB",
        size as f64 / 1e6,
        seconds(measured.wall),
        if measured.success { "built" } else { "FAILED" },
        measured.cpu.as_secs_f64(),
        measured.peak_mib
    );
}

/// Emits the typst sources of every PDF of the seeds, compiles them in process (one worker)
/// and with the typst CLI (one process per document), and prints both.
fn compare_with_typst_cli() {
    let emit = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let workspace = Workspace::load(&[repo("ladders")]);
    let mut options = options(out.path(), Some(1));
    options.formats = vec![String::from("pdf")];
    options.export.pdf.emit_typst = Some(emit.path().to_path_buf());
    build::build(&workspace.ladders, &options, &Silent).unwrap();
    options.export.pdf.emit_typst = None;
    let started = Instant::now();
    let report = build::build(&workspace.ladders, &options, &Silent).unwrap();
    let in_process = started.elapsed();
    let documents = report.artifacts.len();

    let mut projects = Vec::new();
    find_projects(emit.path(), &mut projects);
    let Some(compiler) = typst_compiler() else {
        println!(
            "\ntypst CLI: not found (install it with `cargo install typst-cli`, or `pip install typst`) — comparison skipped"
        );
        return;
    };
    let started = Instant::now();
    for (folder, main) in &projects {
        let output = folder.join("out.pdf");
        let status = compiler.command(folder, main, &output).status().unwrap();
        assert!(status.success(), "typst failed on {}", folder.display());
    }
    let cli = started.elapsed();
    println!(
        "\n{documents} PDFs of the seeds, one worker: in process {} · {} {} · ratio {:.1}x",
        seconds(in_process),
        compiler.name(),
        seconds(cli),
        cli.as_secs_f64() / in_process.as_secs_f64()
    );
}

fn find_projects(folder: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.join("data.json").is_file() {
                let main = if path.join("offer.typ").is_file()
                    && path.parent().is_some_and(|p| p.ends_with("offers"))
                {
                    "offer.typ"
                } else {
                    "booklet.typ"
                };
                out.push((path, main.to_owned()));
            } else {
                find_projects(&path, out);
            }
        }
    }
}

enum Compiler {
    Cli,
    Python,
}

impl Compiler {
    fn name(&self) -> &'static str {
        match self {
            Compiler::Cli => "typst CLI",
            Compiler::Python => "typst (Python package, a process per document)",
        }
    }

    fn command(&self, folder: &Path, main: &str, output: &Path) -> Command {
        match self {
            Compiler::Cli => {
                let mut command = Command::new("typst");
                command
                    .arg("compile")
                    .arg("--root")
                    .arg(folder)
                    .arg(folder.join(main))
                    .arg(output);
                command
            }
            Compiler::Python => {
                let mut command = Command::new("python3");
                command.arg("-c").arg(format!(
                    "import typst; typst.compile({:?}, output={:?}, root={:?})",
                    folder.join(main).display().to_string(),
                    output.display().to_string(),
                    folder.display().to_string()
                ));
                command
            }
        }
    }
}

fn typst_compiler() -> Option<Compiler> {
    let works =
        |command: &mut Command| command.output().is_ok_and(|output| output.status.success());
    if works(Command::new("typst").arg("--version")) {
        Some(Compiler::Cli)
    } else if works(Command::new("python3").args(["-c", "import typst"])) {
        Some(Compiler::Python)
    } else {
        None
    }
}
