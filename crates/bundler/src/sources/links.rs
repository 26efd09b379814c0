//! The one rule for symbolic links in a site folder: a post, a page, a file beside one, or an
//! entry of `static/` may be a link if it leads to somewhere inside the site folder, where it is
//! read like any other file; a link that leads outside is a problem at the link. So a site's
//! repository can never publish, or make the build read, `~/.ssh/id_ed25519` through a link a
//! pull request added.

use std::{fs, path::Path};

use crate::problem::Problem;

/// The problem with the link at `relative` (a path in `site_dir` that is a link, or goes
/// through one) if it leads outside the site folder, or cannot be followed.
pub fn outside(site_dir: &Path, relative: &Path) -> Option<Problem> {
    let site = fs::canonicalize(site_dir).unwrap_or_else(|_| site_dir.to_owned());
    let target = match fs::canonicalize(site_dir.join(relative)) {
        Ok(target) => target,
        Err(error) => {
            return Some(Problem::whole_file(
                relative,
                format!("this link cannot be followed: {error}"),
                "point it at a file inside the site folder, or remove it",
            ))
        }
    };
    (!target.starts_with(&site)).then(|| leads_outside(relative, &target))
}

/// The problem with `relative` (a path in `site_dir`) if it is itself a link that leads outside:
/// for the site's top folders, and the cache folder kept in the site folder.
pub fn through_link(site_dir: &Path, relative: &Path) -> Option<Problem> {
    let is_link = fs::symlink_metadata(site_dir.join(relative)).is_ok_and(|meta| meta.is_symlink());
    is_link.then(|| outside(site_dir, relative)).flatten()
}

fn leads_outside(relative: &Path, target: &Path) -> Problem {
    Problem::whole_file(
        relative,
        format!(
            "this is a link to {}, outside the site folder, which the build never reads or publishes",
            target.display()
        ),
        "copy the file into the site folder instead of linking to it",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_may_lead_anywhere_inside_the_site_but_not_out_of_it() {
        let outer = tempfile::tempdir().unwrap();
        let site = outer.path().join("site");
        fs::create_dir_all(site.join("static")).unwrap();
        fs::write(site.join("static/real.txt"), "x").unwrap();
        fs::write(outer.path().join("secret.txt"), "x").unwrap();
        std::os::unix::fs::symlink("real.txt", site.join("static/inside.txt")).unwrap();
        std::os::unix::fs::symlink("../../secret.txt", site.join("static/outside.txt")).unwrap();
        std::os::unix::fs::symlink("missing.txt", site.join("static/dangling.txt")).unwrap();
        assert!(outside(&site, Path::new("static/inside.txt")).is_none());
        let problem = outside(&site, Path::new("static/outside.txt")).unwrap();
        assert!(
            problem.message.contains("outside the site folder"),
            "{}",
            problem.message
        );
        assert!(outside(&site, Path::new("static/dangling.txt")).is_some());
    }
}
