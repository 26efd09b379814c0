//! The web server of the benchmark: a script of tests/e2e on a free port of 127.0.0.1, started
//! and waited for, and stopped when dropped, also when the benchmark fails.

use std::{
    fs,
    net::{TcpListener, TcpStream},
    path::Path,
    process::{Child, Command, Stdio},
    thread::sleep,
    time::{Duration, Instant},
};

use anyhow::{bail, Context, Result};

use crate::cmd;

/// The server of tests/e2e, stopped when dropped, also when the benchmark fails.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Server {
    /// Runs `node SCRIPT SITE` on the first free port from 4190, its output in `log`, and waits
    /// until it answers.
    pub fn start(root: &Path, script: &str, site: &Path, log: &Path) -> Result<Server> {
        let port = (4190..4290)
            .find(|&port| TcpListener::bind(("127.0.0.1", port)).is_ok())
            .context("no free port on 127.0.0.1 between 4190 and 4289")?;
        let file = fs::File::create(log).with_context(|| format!("creating {}", log.display()))?;
        let child = cmd::command(root, "node")
            .arg(script)
            .arg(site)
            .envs([
                ("PORT", port.to_string().as_str()),
                ("HOST", "127.0.0.1"),
                ("BASE_PATH", "/"),
            ])
            .stdin(Stdio::null())
            .stdout(file.try_clone()?)
            .stderr(file)
            .spawn()
            .context("could not start node: `cargo xtask setup` installs Node.js")?;
        let mut server = Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            let said = || fs::read_to_string(log).unwrap_or_default();
            if let Some(status) = server.child.try_wait()? {
                bail!("`node {script}` stopped ({status}) before it answered; it said:\n{}\nfix what it says and run again", said());
            }
            if Instant::now() > deadline {
                bail!(
                    "`node {script}` did not answer on 127.0.0.1:{port} within 20 s; it said:\n{}",
                    said()
                );
            }
            sleep(Duration::from_millis(100));
        }
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGTERM first, so that a server script can stop the nginx it started.
        let running = |child: &mut Child| matches!(child.try_wait(), Ok(None));
        if running(&mut self.child) {
            let _ = Command::new("kill")
                .arg(self.child.id().to_string())
                .status();
            let deadline = Instant::now() + Duration::from_secs(5);
            while running(&mut self.child) && Instant::now() < deadline {
                sleep(Duration::from_millis(50));
            }
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
            eprintln!(
                "bench: warning: something still answers on 127.0.0.1:{} after the server stopped",
                self.port
            );
        }
    }
}
