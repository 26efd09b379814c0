//! What the dev server tells the open pages: each build's outcome, numbered, and a stream of
//! them for each page (server-sent events). A page that connects hears the latest outcome at
//! once; a new successful build makes it reload, a failed one shows its problems.

use std::{
    io::{self, Write},
    sync::{
        atomic::{AtomicU64, Ordering},
        Condvar, Mutex,
    },
    time::Duration,
};

/// How often a quiet stream sends a comment, so that a closed page's connection is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The outcome of the latest build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No build has finished yet.
    Pending,
    /// Build number N succeeded.
    Built(u64),
    /// The latest build failed: its problems, as the terminal shows them.
    Problems(String),
}

/// The latest outcome, shared by the builder and every page's stream.
pub struct Live {
    state: Mutex<(u64, Outcome)>,
    changed: Condvar,
    /// The number of the last good build: what the served folder holds.
    last_built: AtomicU64,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            state: Mutex::new((0, Outcome::Pending)),
            changed: Condvar::new(),
            last_built: AtomicU64::new(0),
        }
    }
}

impl Live {
    /// Tells every page of a build that succeeded.
    pub fn built(&self) {
        self.set(|number| {
            self.last_built.store(number, Ordering::Relaxed);
            Outcome::Built(number)
        });
    }

    /// The number of the last good build (0 before the first): the served pages carry it,
    /// so that a page served before a build whose event comes first reloads all the same.
    pub fn last_built(&self) -> u64 {
        self.last_built.load(Ordering::Relaxed)
    }

    /// Tells every page of a build that failed.
    pub fn failed(&self, problems: String) {
        self.set(|_| Outcome::Problems(problems));
    }

    fn set(&self, outcome: impl FnOnce(u64) -> Outcome) {
        if let Ok(mut state) = self.state.lock() {
            state.0 += 1;
            state.1 = outcome(state.0);
        }
        self.changed.notify_all();
    }

    /// Streams every outcome to `out` as server-sent events, from the latest one on, until
    /// the page goes away.
    pub fn stream(&self, out: &mut impl Write) -> io::Result<()> {
        let mut seen = 0;
        loop {
            let outcome = {
                let state = self
                    .state
                    .lock()
                    .map_err(|_| io::Error::other("poisoned"))?;
                let (state, _) = self
                    .changed
                    .wait_timeout_while(state, KEEP_ALIVE, |state| state.0 == seen)
                    .map_err(|_| io::Error::other("poisoned"))?;
                (state.0 != seen).then(|| {
                    seen = state.0;
                    state.1.clone()
                })
            };
            match outcome {
                Some(outcome) => out.write_all(event(&outcome).as_bytes())?,
                None => out.write_all(b": still here\n\n")?,
            }
            out.flush()?;
        }
    }
}

/// One outcome as a server-sent event.
fn event(outcome: &Outcome) -> String {
    let (name, data) = match outcome {
        Outcome::Pending => return String::new(),
        Outcome::Built(number) => ("built", number.to_string()),
        Outcome::Problems(text) => ("problems", text.clone()),
    };
    let data: Vec<String> = data.lines().map(|line| format!("data: {line}\n")).collect();
    format!("event: {name}\n{}\n", data.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_become_events_a_line_of_data_each() {
        assert_eq!(event(&Outcome::Built(3)), "event: built\ndata: 3\n\n");
        assert_eq!(
            event(&Outcome::Problems("a\nb".into())),
            "event: problems\ndata: a\ndata: b\n\n"
        );
        assert_eq!(event(&Outcome::Pending), "");
    }

    /// A writer that gives up after `left` writes, as a closed page's connection does.
    struct Closing(Vec<u8>, usize);

    impl Write for Closing {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            if self.1 == 0 {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            self.1 -= 1;
            self.0.extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_page_hears_the_latest_outcome_then_each_new_one() {
        let live = std::sync::Arc::new(Live::default());
        live.failed("posts/a.md:1:1: bad".into());
        let writer = {
            let live = live.clone();
            std::thread::spawn(move || {
                let mut out = Closing(Vec::new(), 2);
                let result = live.stream(&mut out);
                (out.0, result.is_err())
            })
        };
        std::thread::sleep(Duration::from_millis(50));
        live.built();
        std::thread::sleep(Duration::from_millis(50));
        live.built();
        let (written, ended) = writer.join().unwrap();
        assert!(ended);
        assert_eq!(
            String::from_utf8(written).unwrap(),
            "event: problems\ndata: posts/a.md:1:1: bad\n\nevent: built\ndata: 2\n\n"
        );
    }
}
