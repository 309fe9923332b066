//! Budgets of time and memory for work that cannot be trusted to end: a typst template is a
//! program, and one from a pull request can loop for hours or double a string until the
//! process is killed, taking every other document of the build with it.
//!
//! typst has no way to stop a compilation from outside (its only limits are on recursion and
//! on `while` loops), so the budget is kept by the process itself:
//!
//! - the work runs on a thread of its own, and its caller waits at most [`Limits::time`];
//! - the [`CountingAllocator`] counts what that thread holds; past [`Limits::memory`], or once
//!   its caller stopped waiting, the thread's next allocation never returns: it sleeps, holding
//!   what it has, costing no CPU and no more memory (typst allocates all the time, so a
//!   runaway meets one within microseconds);
//! - the caller reports the work failed, with the limit it crossed, and goes on. A stranded
//!   thread ends with the process. After [`MAX_STRANDED`] of them, further budgeted work is
//!   refused at once, so that a template that runs away for every document costs a bounded
//!   amount of memory, not one budget per document.
//!
//! Why not a child process per document: starting a process and loading fonts would cost
//! more than the ~10 ms a one-pager takes, on every page of a batch of 10,000.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

/// The stack of every worker thread: typst lays out deeply nested content recursively, and the
/// platform's default thread stack (2 MiB) overflows on large ladders. typst's own CLI runs its
/// compiler on a larger stack for the same reason.
pub const WORKER_STACK_BYTES: usize = 256 * 1024 * 1024;

/// How much one piece of budgeted work may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall time: far above the largest real document (the booklet of a 160,000-expectation
    /// ladder takes under a minute on one core).
    pub time: Duration,
    /// Bytes the work's own thread may hold at once.
    pub memory: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            time: Duration::from_secs(300),
            memory: 2 << 30,
        }
    }
}

/// How many runaway threads a [`Budget`] strands before refusing further work.
pub const MAX_STRANDED: usize = 2;

/// Limits, and how many threads already ran away under them (a run's PDFs share one).
#[derive(Debug, Default)]
pub struct Budget {
    /// What each piece of work may take.
    pub limits: Limits,
    stranded: AtomicUsize,
    /// Threads that finished their work within the limits, waiting for more.
    idle: Mutex<Vec<Worker>>,
}

/// Why budgeted work did not finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overrun {
    /// It ran longer than its time limit.
    Time(Duration),
    /// It held more than its memory limit.
    Memory(usize),
    /// Earlier work of this process ran away; this was not started.
    Refused,
}

impl std::fmt::Display for Overrun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Overrun::Time(limit) => {
                write!(f, "stopped after {} s, its time limit", limit.as_secs())
            }
            Overrun::Memory(limit) => write!(f, "stopped at {} MiB, its memory limit", limit >> 20),
            Overrun::Refused => write!(
                f,
                "not made: {MAX_STRANDED} documents of this run overran their limits already \
                 (see their errors), so no more are started"
            ),
        }
    }
}

impl std::error::Error for Overrun {}

/// The state a budgeted thread shares with the one waiting for it.
struct Watch {
    memory: usize,
    /// Set by the waiting thread when it stopped waiting: the next allocation sleeps.
    abandoned: AtomicBool,
    /// Set by the allocator when the thread went over its memory.
    over_memory: AtomicBool,
}

thread_local! {
    /// Bytes allocated minus bytes freed on this thread (negative when it frees what
    /// another thread allocated).
    static HELD: Cell<isize> = const { Cell::new(0) };
    /// The budget of this thread, when it runs budgeted work.
    static WATCH: Cell<*const Watch> = const { Cell::new(std::ptr::null()) };
}

impl Budget {
    /// A budget of these limits, nothing stranded yet.
    pub fn new(limits: Limits) -> Self {
        Budget {
            limits,
            stranded: AtomicUsize::new(0),
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Runs `work` within the limits, on a thread of its own with `stack` bytes of stack. A
    /// panic in `work` reaches the caller as a panic, as if it had run on the caller's thread.
    ///
    /// The threads are kept for the next piece of work (typst keeps caches per thread: a
    /// fresh thread per document made a cold build a third slower); a thread that ran away
    /// is never given work again.
    pub fn run<T: Send + 'static>(
        &self,
        stack: usize,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Overrun> {
        if self.stranded.load(Ordering::Relaxed) >= MAX_STRANDED {
            return Err(Overrun::Refused);
        }
        let watch = Arc::new(Watch {
            memory: self.limits.memory,
            abandoned: AtomicBool::new(false),
            over_memory: AtomicBool::new(false),
        });
        let (sender, receiver) = mpsc::sync_channel(1);
        let thread_watch = Arc::clone(&watch);
        let job: Job = Box::new(move || {
            HELD.with(|held| held.set(0));
            WATCH.with(|slot| slot.set(Arc::as_ptr(&thread_watch)));
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            WATCH.with(|slot| slot.set(std::ptr::null()));
            let _ = sender.send(result);
            drop(thread_watch);
        });
        let idle = self.idle.lock().map(|mut idle| idle.pop()).unwrap_or(None);
        let worker = match idle {
            Some(worker) => worker,
            None => Worker::spawn(stack),
        };
        worker
            .jobs
            .send(job)
            .expect("a kept worker thread waits for work until the budget is dropped");
        // Waits in short steps, so that a thread stopped for its memory is reported at once.
        let step = Duration::from_millis(50);
        let mut waited = Duration::ZERO;
        loop {
            match receiver.recv_timeout(step) {
                Ok(result) => {
                    if let Ok(mut idle) = self.idle.lock() {
                        idle.push(worker);
                    }
                    return match result {
                        Ok(value) => Ok(value),
                        Err(panic) => std::panic::resume_unwind(panic),
                    };
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    unreachable!("the budgeted thread always sends before it ends")
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
            waited += step;
            let over_memory = watch.over_memory.load(Ordering::Acquire);
            if over_memory || waited >= self.limits.time {
                watch.abandoned.store(true, Ordering::Release);
                self.stranded.fetch_add(1, Ordering::Relaxed);
                return Err(if over_memory {
                    Overrun::Memory(self.limits.memory)
                } else {
                    Overrun::Time(self.limits.time)
                });
            }
        }
    }
}

/// A piece of work for a worker thread.
type Job = Box<dyn FnOnce() + Send>;

/// A thread that runs budgeted work, one job after another, until its sender is dropped.
#[derive(Debug)]
struct Worker {
    jobs: mpsc::Sender<Job>,
}

impl Worker {
    fn spawn(stack: usize) -> Worker {
        let (jobs, receiver) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name(String::from("ladder-budgeted"))
            .stack_size(stack)
            .spawn(move || {
                for job in receiver {
                    job();
                }
            })
            .unwrap_or_else(|error| {
                panic!("cannot start a thread for the work (the system's thread limit?): {error}")
            });
        Worker { jobs }
    }
}

/// Counts each thread's allocations, so that [`Budget::run`] can stop a thread that holds too
/// much. For threads that run no budgeted work it is the system allocator plus a
/// thread-local addition.
pub struct CountingAllocator;

impl CountingAllocator {
    /// Adds `bytes` to this thread's count; sleeps for good when the thread is budgeted and
    /// over its memory, or abandoned.
    #[inline]
    fn charge(bytes: isize) {
        let _ = HELD.try_with(|held| {
            let now = held.get() + bytes;
            held.set(now);
            if bytes <= 0 {
                return;
            }
            let _ = WATCH.try_with(|slot| {
                let watch = slot.get();
                if watch.is_null() {
                    return;
                }
                // SAFETY: the pointer is set only while the thread owns an `Arc` of it.
                let watch = unsafe { &*watch };
                let over = now > 0 && now as usize > watch.memory;
                // A panicking thread is on its way out (and its hook may take the backtrace
                // lock, which a stranded thread would keep from every other panic).
                if (over || watch.abandoned.load(Ordering::Acquire)) && !std::thread::panicking() {
                    if over {
                        watch.over_memory.store(true, Ordering::Release);
                    }
                    strand();
                }
            });
        });
    }
}

/// Never returns: a runaway thread sleeps until the process ends. Sleeping allocates nothing.
#[cold]
fn strand() -> ! {
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

// SAFETY: every call is passed to the system allocator unchanged; the counting only reads
// and writes thread-locals that need no allocation (const-initialized `Cell`s).
unsafe impl GlobalAlloc for CountingAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        Self::charge(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        Self::charge(layout.size() as isize);
        unsafe { System.alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        Self::charge(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        Self::charge(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_within_its_limits_returns_and_runaways_are_stopped() {
        let limits = Limits {
            time: Duration::from_secs(2),
            memory: 64 << 20,
        };
        let budget = Budget::new(limits);
        assert_eq!(budget.run(1 << 20, || 6 * 7), Ok(42));
        let grown = budget.run(1 << 20, || {
            let mut text = String::from("ab");
            for _ in 0..40 {
                text = text.repeat(2);
            }
            text.len()
        });
        assert_eq!(grown, Err(Overrun::Memory(64 << 20)));
        let looped = budget.run(1 << 20, || {
            let mut values = Vec::new();
            loop {
                values.push(vec![1u8; 16]);
                values.truncate(4);
            }
        });
        assert_eq!(looped, Err::<(), _>(Overrun::Time(limits.time)));
        // Two stranded: anything further is refused without running.
        assert_eq!(budget.run(1 << 20, || 1), Err(Overrun::Refused));
        // A panic is the caller's, as if the work had run on its thread.
        let fresh = Budget::new(limits);
        let panicked = std::panic::catch_unwind(|| fresh.run(1 << 20, || panic!("broken")));
        assert!(panicked.is_err());
    }
}
