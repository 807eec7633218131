//! A run's clocks: each thread's CPU time, and the stage times shared out and summed for the
//! manifest. The library measures stages in wall time only (`document`).

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::pipeline::StageTimes;

/// A stopwatch of the calling thread's CPU time, so that stage times add up to the CPU a run
/// used even when the writer threads and the workers share cores (wall time where the
/// platform has no thread clock).
#[derive(Clone, Copy)]
pub(super) struct CpuClock(Duration);

impl CpuClock {
    pub(super) fn start() -> Self {
        CpuClock(thread_cpu_time())
    }

    pub(super) fn elapsed(&self) -> Duration {
        thread_cpu_time().saturating_sub(self.0)
    }
}

#[cfg(unix)]
pub(super) fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given, which lives on this stack.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if ok {
        Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
    } else {
        wall_clock()
    }
}

#[cfg(not(unix))]
pub(super) fn thread_cpu_time() -> Duration {
    wall_clock()
}

fn wall_clock() -> Duration {
    static START: LazyLock<Instant> = LazyLock::new(Instant::now);
    START.elapsed()
}

impl StageTimes {
    pub(super) fn add(&mut self, o: &StageTimes) {
        self.read += o.read;
        self.clean += o.clean;
        self.structure += o.structure;
        self.extract += o.extract;
        self.write += o.write;
        self.analysis += o.analysis;
    }

    /// The per-document stages' times (wall) shared out so that they add up to `cpu`, the
    /// CPU time the document took over `wall`.
    pub(super) fn scaled_to(self, cpu: Duration, wall: Duration) -> StageTimes {
        let staged = self.read + self.clean + self.structure + self.extract;
        if staged.is_zero() || wall.is_zero() {
            return self;
        }
        // Time outside the stages (hand-over, hashing) counts to no stage, as before.
        let factor = cpu.as_secs_f64() / wall.as_secs_f64();
        let scale = |d: Duration| d.mul_f64(factor);
        StageTimes {
            read: scale(self.read),
            clean: scale(self.clean),
            structure: scale(self.structure),
            extract: scale(self.extract),
            ..self
        }
    }

    pub(super) fn to_json(self) -> serde_json::Value {
        json!({
            "read": self.read.as_secs_f64(),
            "clean": self.clean.as_secs_f64(),
            "structure": self.structure.as_secs_f64(),
            "extract": self.extract.as_secs_f64(),
            "write": self.write.as_secs_f64(),
            "analysis": self.analysis.as_secs_f64(),
        })
    }
}
