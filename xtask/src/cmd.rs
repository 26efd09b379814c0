//! Running other programs: each command is printed before it runs, and a failure says which.

use std::{
    ffi::OsStr,
    path::Path,
    process::{Command, Stdio},
};

use anyhow::{bail, Context, Result};

/// A command in `dir`, with the project's tool folders first on PATH.
pub fn command(dir: &Path, program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    command.current_dir(dir).env("PATH", tool_path(dir));
    command
}

/// Runs the command to the end, failing if it fails.
pub fn run(command: &mut Command) -> Result<()> {
    println!("$ {}", describe(command));
    let status = command
        .status()
        .with_context(|| format!("could not start `{}`", describe(command)))?;
    if !status.success() {
        bail!("`{}` failed ({status})", describe(command));
    }
    Ok(())
}

/// The first line a program prints for `args` (e.g. `--version`), or `None` if it is not installed.
pub fn first_line(dir: &Path, program: &str, args: &[&str]) -> Option<String> {
    let output = command(dir, program)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned()
    })
}

/// Where setup puts the commands it writes (`wasm-opt`, which reuses earlier results).
pub const OWN_TOOLS: &str = "target/xtask-bin";

/// PATH with the project's own commands, `node_modules/.bin` (wasm-opt, playwright) and cargo's
/// bin folder in front.
fn tool_path(root: &Path) -> std::ffi::OsString {
    let mut folders = vec![root.join(OWN_TOOLS), root.join("node_modules/.bin")];
    folders.extend(cargo_bin());
    folders.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(folders).unwrap_or_default()
}

/// Where `cargo install` puts programs: `$CARGO_HOME/bin`, else `~/.cargo/bin`.
pub fn cargo_bin() -> Option<std::path::PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo").into()))?;
    Some(Path::new(&home).join("bin"))
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
