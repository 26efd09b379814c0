//! The whole build of a site, stage by stage: read and check everything (`build`), plan every
//! file of the site (`plan`), publish what changed (`publish`); then what each stage did and
//! how long it took, in one line.

use std::{
    fmt,
    path::Path,
    time::{Duration, Instant},
};

use indicatif::ProgressBar;

use crate::{
    build_with,
    markdown::images::ImageWork,
    options::BuildOptions,
    outputs::cards::CardWork,
    outputs::page_files::{App, PageError, PageOptions},
    plan,
    publish::{ledger, publish, PublishError, PublishOptions, Published},
    Memo, PlanError, Problem, Stages,
};

/// One build of a site into an output folder.
pub struct Job<'a> {
    pub site_dir: &'a Path,
    /// The app trunk built; without it, the data, feeds, sitemap and copied files only.
    pub app: Option<&'a App>,
    pub out_dir: &'a Path,
    pub options: &'a BuildOptions,
    pub pages: PageOptions,
    /// Write compressed copies beside the text files (`publish::compress`).
    pub compress: bool,
    /// The posts of the build before, for a build that follows it in the same process.
    pub memo: Option<&'a Memo>,
    /// Write changed files over the old ones (`PublishOptions::in_place`): only for an output
    /// folder nobody reads while a build runs.
    pub in_place: bool,
}

/// What a build did.
#[derive(Debug)]
pub struct Done {
    /// Posts published, drafts left out, posts left out until their date.
    pub posts: usize,
    /// Post files parsed: the others were taken as a build before read them.
    pub parsed: usize,
    pub drafts_skipped: usize,
    pub scheduled: usize,
    /// The site's pages.
    pub pages: usize,
    pub images: ImageWork,
    pub cards: CardWork,
    /// How long reading, resolving and making the documents took.
    pub stages: Stages,
    /// What is worth mending but did not stop the build.
    pub warnings: Vec<Problem>,
    pub published: Published,
    /// How long planning the files took, and the whole build (loading the cache included).
    pub plan: Duration,
    pub all: Duration,
}

/// Why a build stopped.
#[derive(Debug, thiserror::Error)]
pub enum Failed {
    /// Problems in the site, each located: nothing was written.
    #[error("{} in the site; nothing was written", plural(.0.len(), "problem", "problems"))]
    Problems(Vec<Problem>),
    #[error(transparent)]
    Page(#[from] PageError),
    #[error(transparent)]
    Publish(#[from] PublishError),
}

/// Builds `job`'s site and publishes it. `progress` counts the files of the site.
pub fn run(job: &Job<'_>, progress: &ProgressBar) -> Result<Done, Failed> {
    let started = Instant::now();
    let mut output = build_with(job.site_dir, job.options, job.memo).map_err(Failed::Problems)?;
    let planning = Instant::now();
    let planned = plan(&output, job.app, &job.pages).map_err(|error| match error {
        PlanError::Page(error) => Failed::Page(error),
        PlanError::Collisions(problems) => Failed::Problems(problems),
    })?;
    let planned_in = planning.elapsed();
    progress.set_length(planned.len() as u64);
    let memo = job.memo;
    let options = PublishOptions {
        compress: job.compress,
        ledger: ledger::path_for(&job.options.cache_dir(job.site_dir), job.out_dir),
        trust_ledger: memo.is_some_and(|memo| memo.published_last(job.out_dir)),
        in_place: job.in_place,
    };
    memo.inspect(|memo| memo.set_published(None));
    let published = publish(planned, job.out_dir, &options, progress)?;
    memo.inspect(|memo| memo.set_published(Some(job.out_dir)));
    if job.compress {
        job.app.inspect(|app| app.prune_store());
    }
    let done = Done {
        posts: output.published,
        parsed: output.parsed,
        drafts_skipped: output.drafts_skipped,
        scheduled: output.scheduled,
        pages: output.pages.len(),
        images: output.images,
        cards: output.cards,
        stages: output.stages,
        warnings: std::mem::take(&mut output.warnings),
        published,
        plan: planned_in,
        all: started.elapsed() + output.stages.cache,
    };
    // Freeing the site's documents takes some 40 ms at 10,000 posts: done aside, so that a
    // build in a process of its own ends without waiting for it.
    std::thread::spawn(move || drop(output));
    Ok(done)
}

impl Done {
    /// The last line of a build into `out_dir`: what was read, made, written and kept, and
    /// where the time went.
    pub fn summary(&self, out_dir: &Path) -> String {
        format!(
            "folio-bundler: {} -> {}: {self}",
            self.read_part(),
            out_dir.display()
        )
    }

    fn read_part(&self) -> String {
        let images = &self.images;
        let images = match images.encoded + images.cached {
            0 => String::new(),
            _ => format!(
                "; {} (smaller copies: {} encoded, {} from the cache)",
                plural(images.images, "image", "images"),
                images.encoded,
                images.cached
            ),
        };
        let cards = &self.cards;
        let cards = match cards.cards {
            0 => String::new(),
            count => format!(
                "; {} ({} drawn, {} from the cache)",
                plural(count, "link preview card", "link preview cards"),
                cards.drawn,
                count - cards.drawn,
            ),
        };
        format!(
            "{} ({} skipped, {} scheduled; {} parsed, {} as cached), {}{images}{cards}",
            plural(self.posts, "post", "posts"),
            plural(self.drafts_skipped, "draft", "drafts"),
            self.scheduled,
            plural(self.parsed, "file", "files"),
            (self.posts + self.drafts_skipped + self.scheduled).saturating_sub(self.parsed),
            plural(self.pages, "page", "pages"),
        )
    }
}

/// What was written and kept, and where the time went.
impl fmt::Display for Done {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let published = &self.published;
        write!(
            f,
            "{}, {} written, {} reused, {} compressed, {} removed; cache {}, read {}, resolve {}, documents {} (related posts {}), cards {}, plan {}, then render {}, compress {}, write {} (time over all threads); {} in all",
            plural(published.files, "file", "files"),
            published.written,
            published.reused(),
            published.compressed,
            published.removed,
            seconds(self.stages.cache),
            seconds(self.stages.read),
            seconds(self.stages.resolve),
            seconds(self.stages.documents),
            seconds(self.stages.related),
            seconds(self.cards.time),
            seconds(self.plan),
            seconds(published.making),
            seconds(published.compressing),
            seconds(published.writing),
            seconds(self.all),
        )
    }
}

/// A duration the way a person reads it: `850 ms`, `12.3 s`.
pub fn seconds(time: Duration) -> String {
    match time.as_millis() {
        millis @ 0..1000 => format!("{millis} ms"),
        _ => format!("{:.1} s", time.as_secs_f64()),
    }
}

/// `count` with the word for one or many.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_counts_read_as_a_person_would() {
        assert_eq!(seconds(Duration::from_millis(850)), "850 ms");
        assert_eq!(seconds(Duration::from_millis(12_345)), "12.3 s");
        assert_eq!(plural(1, "post", "posts"), "1 post");
        assert_eq!(plural(0, "draft", "drafts"), "0 drafts");
    }
}
