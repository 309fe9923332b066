//! Importing ladders from documents: the five seeds give the hand-checked models in `ladders/`,
//! the tool's own handbook imports back to the model it was made from, and each document shape
//! has a fixture of its own.

use crate::common::*;

use std::collections::BTreeMap;

use ladder::export::markdown::handbook;
use ladder::export::Stamp;
use ladder::model::Level;
use ladder::{Ladder, Workspace};

fn expectations_by_area_name(ladder: &Ladder, level: &Level) -> BTreeMap<String, Vec<String>> {
    ladder
        .expectations_of(level)
        .iter()
        .map(|(area, items)| {
            (
                ladder.area(area).map_or(area.clone(), |a| a.name.clone()),
                items.iter().map(|item| item.text.clone()).collect(),
            )
        })
        .collect()
}

/// The examples under a level's expectations, area after area, in order.
fn examples_of<'a>(ladder: &'a Ladder, level: &'a Level) -> Vec<&'a str> {
    ladder
        .expectations_of(level)
        .values()
        .flatten()
        .flat_map(|item| item.examples.iter().map(String::as_str))
        .collect()
}

fn same_title(a: &Level, b: &Level) -> bool {
    a.title == b.title || a.aliases.contains(&b.title) || b.aliases.contains(&a.title)
}

/// Same tracks, levels (by title or alias), areas and every expectation verbatim; ids may differ.
pub(crate) fn assert_same_ladder(expected: &Ladder, actual: &Ladder, what: &str) {
    assert_eq!(
        actual
            .tracks
            .iter()
            .map(|t| t.levels.len())
            .collect::<Vec<_>>(),
        expected
            .tracks
            .iter()
            .map(|t| t.levels.len())
            .collect::<Vec<_>>(),
        "{what}: levels per track"
    );
    for (expected_track, actual_track) in expected.tracks.iter().zip(&actual.tracks) {
        assert_eq!(
            expected_track.kind, actual_track.kind,
            "{what}: kind of {}",
            expected_track.name
        );
        for (e, a) in expected_track.levels.iter().zip(&actual_track.levels) {
            assert!(
                same_title(e, a),
                "{what}: level `{}` imported as `{}`",
                e.title,
                a.title
            );
            assert_eq!(
                expectations_by_area_name(expected, e),
                expectations_by_area_name(actual, a),
                "{what}: expectations of {}",
                e.title
            );
            assert_eq!(e.code, a.code, "{what}: code of {}", e.title);
            assert_eq!(
                e.experience.as_ref().map(|x| &x.text),
                a.experience.as_ref().map(|x| &x.text),
                "{what}: experience of {}",
                e.title
            );
            assert_eq!(e.headline, a.headline, "{what}: headline of {}", e.title);
            assert_eq!(
                e.description, a.description,
                "{what}: description of {}",
                e.title
            );
            assert_eq!(
                e.equivalents, a.equivalents,
                "{what}: equivalents of {}",
                e.title
            );
            assert_eq!(
                e.shares_expectations_with.is_some(),
                a.shares_expectations_with.is_some(),
                "{what}: shared expectations of {}",
                e.title
            );
            let required = |ladder: &Ladder, level: &Level| {
                level
                    .requires
                    .as_deref()
                    .and_then(|id| ladder.level(id))
                    .map(|l| l.title.clone())
            };
            assert_eq!(
                required(expected, e),
                required(actual, a),
                "{what}: requires of {}",
                e.title
            );
        }
    }
    let names =
        |ladder: &Ladder| -> Vec<String> { ladder.areas.iter().map(|a| a.name.clone()).collect() };
    let mut expected_areas = names(expected);
    let mut actual_areas = names(actual);
    expected_areas.sort();
    actual_areas.sort();
    assert_eq!(expected_areas, actual_areas, "{what}: areas");
}

#[test]
fn each_seed_imports_to_its_hand_checked_ladder() {
    for (seed, yaml) in [
        ("000_87a38eba112f62a5.txt", "persado-2018.yaml"),
        ("001_6ef313bf60d0ff50.txt", "persado-2019.yaml"),
        ("002_ad7af3c5936f93c8.txt", "packback.yaml"),
        ("003_c94fc68191959a38.txt", "rent-the-runway-style.yaml"),
        ("004_d408f405d85a6bd6.txt", "titles-and-roles.yaml"),
    ] {
        let actual = load(repo("tests/fixtures/seeds").join(seed));
        assert_same_ladder(&shipped(yaml), &actual, seed);
    }
}

#[test]
fn the_handbook_imports_back_to_the_model_it_was_made_from() {
    let workspace = Workspace::load(&[repo("ladders")]);
    for loaded in &workspace.ladders {
        let ladder = &loaded.ladder;
        let folder = tempfile::tempdir().unwrap();
        for file in handbook(&view(ladder), &Stamp::new("0123")).unwrap() {
            std::fs::write(folder.path().join(&file.path), &file.bytes).unwrap();
        }
        let actual = load(folder.path().join("README.md"));
        assert_same_ladder(ladder, &actual, &ladder.id);
        // Prose comes back as equivalent Markdown (comrak may escape `#` or drop a trailing
        // space): compare what a reader sees.
        let prose = |text: &str| ladder::markup::plain_blocks(&ladder::markup::blocks(text));
        assert_eq!(actual.title, ladder.title, "{}", ladder.id);
        assert_eq!(actual.organization, ladder.organization, "{}", ladder.id);
        assert_eq!(actual.authors, ladder.authors, "{}", ladder.id);
        assert_eq!(
            actual.summary.as_deref().map(prose),
            ladder.summary.as_deref().map(prose),
            "{}",
            ladder.id
        );
        assert_eq!(actual.cumulative, ladder.cumulative, "{}", ladder.id);
        assert_eq!(
            actual.credits.as_deref().map(prose),
            ladder.credits.as_deref().map(prose),
            "{}",
            ladder.id
        );
        let sections = |l: &Ladder| {
            l.sections
                .iter()
                .map(|s| (s.title.clone(), s.depth, prose(&s.body)))
                .collect::<Vec<_>>()
        };
        assert_eq!(sections(&actual), sections(ladder), "{}", ladder.id);
        let grade_of = |l: &Ladder, level: &Level| {
            level
                .grade
                .as_ref()
                .and_then(|g| l.grades.iter().find(|x| &x.id == g))
                .map(|g| g.name.clone())
        };
        for ((_, e), (_, a)) in ladder.levels().zip(actual.levels()) {
            assert_eq!(
                grade_of(ladder, e),
                grade_of(&actual, a),
                "{}: grade of {}",
                ladder.id,
                e.title
            );
            assert_eq!(
                e.aliases, a.aliases,
                "{}: aliases of {}",
                ladder.id, e.title
            );
        }
        for (e, a) in ladder.tracks.iter().zip(&actual.tracks) {
            assert_eq!(e.name, a.name);
            assert_eq!(
                e.summary.as_deref().map(prose),
                a.summary.as_deref().map(prose),
                "{}: summary of {}",
                ladder.id,
                e.name
            );
        }
    }
}

fn fixture(name: &str) -> (Ladder, Vec<ladder::Diagnostic>) {
    let path = repo("tests/fixtures/import").join(name);
    let workspace = Workspace::load(&[path]);
    assert_eq!(
        workspace.error_count(),
        0,
        "{}",
        workspace.render_diagnostics()
    );
    let diagnostics = workspace.diagnostics.clone();
    (
        workspace.ladders.into_iter().next().unwrap().ladder,
        diagnostics,
    )
}

/// Level title → area name → expectations.
fn table(ladder: &Ladder) -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    ladder
        .levels()
        .map(|(_, level)| {
            (
                level.title.clone(),
                expectations_by_area_name(ladder, level),
            )
        })
        .collect()
}

fn entry(ladder: &Ladder, level: &str, area: &str) -> Vec<String> {
    table(ladder)
        .get(level)
        .unwrap_or_else(|| panic!("no level {level} in {:#?}", table(ladder)))
        .get(area)
        .unwrap_or_else(|| panic!("no area {area} at {level} in {:#?}", table(ladder)))
        .clone()
}

#[test]
fn bold_area_paragraphs_become_expectations() {
    let (ladder, _) = fixture("bold-areas.md");
    assert_eq!(ladder.title, "Platform Engineering Ladder");
    assert_eq!(ladder.levels().count(), 3);
    assert_eq!(
        entry(&ladder, "Engineer I", "Impact"),
        ["Ships features with guidance; *asks* for reviews early."]
    );
    assert_eq!(
        entry(&ladder, "Engineer II", "Scope"),
        ["Owns a service end to end."]
    );
    let senior = ladder
        .levels()
        .map(|(_, l)| l)
        .find(|l| l.title == "Senior Engineer")
        .unwrap();
    assert_eq!(senior.equivalents, ["Engineering Manager"]);
    assert_eq!(
        ladder.summary.as_deref(),
        Some("How the platform team grows.")
    );
}

#[test]
fn bold_label_bullets_and_front_matter_metadata() {
    let (ladder, diagnostics) = fixture("bullets.md");
    assert_eq!(ladder.title, "Support Engineering Ladder");
    assert_eq!(ladder.organization.as_deref(), Some("Acme"));
    assert_eq!(ladder.version.as_deref(), Some("2"));
    assert_eq!(ladder.authors, ["Grace Hopper"]);
    assert_eq!(
        entry(&ladder, "Specialist", "Product"),
        ["Files clear bug reports with reproduction steps."]
    );
    // The remark after the last bullet belongs to that level: kept as its description, so it
    // is placed and nothing is reported as unplaced (`unplaced.md` has text that is not).
    let specialist = ladder
        .levels()
        .map(|(_, l)| l)
        .find(|l| l.title == "Specialist")
        .unwrap();
    assert_eq!(
        specialist.description.as_deref(),
        Some("A stray closing remark that belongs to no level.")
    );
    assert!(
        diagnostics.iter().all(|d| d.code != "import"),
        "{diagnostics:#?}"
    );
}

#[test]
fn pipe_tables_with_levels_as_columns_or_rows() {
    let (ladder, _) = fixture("grid-columns.md");
    assert_eq!(ladder.tracks[0].name, "Data Engineering");
    assert_eq!(
        ladder.tracks[0]
            .levels
            .iter()
            .map(|l| l.title.as_str())
            .collect::<Vec<_>>(),
        ["Junior", "Mid", "Senior"]
    );
    assert_eq!(
        entry(&ladder, "Junior", "Craft"),
        ["Writes SQL", "Learns dbt"]
    );
    assert_eq!(
        entry(&ladder, "Senior", "Impact"),
        ["Sets data strategy | roadmap"]
    );

    let (ladder, _) = fixture("grid-rows.md");
    assert_eq!(
        entry(&ladder, "Senior Designer", "Collaboration"),
        ["Leads critiques"]
    );
    assert_eq!(ladder.levels().count(), 2);
}

#[test]
fn front_matter_can_hold_the_whole_ladder() {
    let (ladder, _) = fixture("whole-ladder.md");
    assert_eq!(ladder.title, "Front Matter Ladder");
    assert_eq!(
        entry(&ladder, "Senior Engineer", "Craft"),
        ["Designs systems."]
    );
}

#[test]
fn html_tables_with_spans_and_unclosed_tags() {
    let (ladder, _) = fixture("spans.html");
    assert_eq!(ladder.title, "QA Ladder");
    assert_eq!(entry(&ladder, "QA I", "Testing"), ["Writes test plans"]);
    assert_eq!(
        entry(&ladder, "QA II", "Testing"),
        ["Writes test plans"],
        "colspan covers both levels"
    );
    assert_eq!(
        entry(&ladder, "QA I", "Automation"),
        ["Runs the suite", "Reads CI logs"],
        "rowspan"
    );
    assert_eq!(
        entry(&ladder, "QA III", "Automation"),
        ["Owns the framework", "Speeds up CI"]
    );
    let text = format!("{:?}", ladder);
    assert!(
        !text.contains("Careers") && !text.contains("©"),
        "navigation and footer are not content"
    );
}

#[test]
fn a_standalone_page_about_one_level() {
    let (ladder, _) = fixture("level-page.html");
    assert_eq!(ladder.levels().count(), 1);
    let (_, level) = ladder.levels().next().unwrap();
    assert_eq!(level.title, "Senior Engineer");
    assert_eq!(level.experience.as_ref().unwrap().text, "5+ years");
    assert_eq!(
        level.description.as_deref(),
        Some("Senior engineers own systems and grow the people around them.")
    );
    assert_eq!(
        entry(&ladder, "Senior Engineer", "Technical skills"),
        [
            "Designs systems that other teams build on.",
            "Reviews code with care & kindness."
        ]
    );
    assert_eq!(
        entry(&ladder, "Senior Engineer", "Collaboration"),
        ["Mentors engineers on the team."]
    );
    let text = format!("{:?}", ladder);
    assert!(!text.contains("Jobs") && !text.contains("rights reserved"));
}

#[test]
fn import_writes_yaml_that_loads_to_the_same_model() {
    let out = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["import", "-o"])
        .arg(out.path())
        .arg(repo("tests/fixtures/seeds/003_c94fc68191959a38.txt"))
        .arg(repo("tests/fixtures/import/bold-areas.md"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for (written, source) in [
        (
            "003_c94fc68191959a38.yaml",
            "tests/fixtures/seeds/003_c94fc68191959a38.txt",
        ),
        ("bold-areas.yaml", "tests/fixtures/import/bold-areas.md"),
    ] {
        let yaml = out.path().join(written);
        let text = std::fs::read_to_string(&yaml).unwrap();
        assert!(text.starts_with("# yaml-language-server: $schema="));
        let from_yaml = load(&yaml);
        let from_document = load(repo(source));
        assert_same_ladder(&from_document, &from_yaml, written);
    }
}

#[test]
fn text_that_cannot_be_placed_is_kept_and_reported_with_its_line() {
    let (ladder, diagnostics) = fixture("unplaced.md");
    let warning = diagnostics
        .iter()
        .find(|d| d.code == "import")
        .unwrap_or_else(|| panic!("no import warning in {diagnostics:#?}"));
    assert_eq!(warning.position, Some((15, 1)));
    assert!(warning.message.contains("kept"));
    assert!(format!("{ladder:?}").contains("that holds no levels"));
}

#[test]
fn german_french_and_japanese_handbooks_and_workbooks_import_back_to_their_ladders() {
    let workspace = Workspace::load(&[repo("ladders")]);
    for language in ["de", "fr", "ja"] {
        for loaded in &workspace.ladders {
            let mut ladder = loaded.ladder.clone();
            ladder.language = Some(language.to_owned());
            let what = format!("{} in {language}", ladder.id);
            let view = view(&ladder);
            let folder = tempfile::tempdir().unwrap();
            for file in handbook(&view, &Stamp::new("0123")).unwrap() {
                std::fs::write(folder.path().join(&file.path), &file.bytes).unwrap();
            }
            let from_handbook = ladder::inputs::import_file(&folder.path().join("README.md"))
                .unwrap_or_else(|errors| panic!("{what}: {errors:?}"))
                .ladder;
            assert_same_ladder(&ladder, &from_handbook, &format!("{what}: handbook"));
            assert_eq!(from_handbook.language(), language, "{what}: handbook");

            let bytes = workbook_of(&ladder, &view).unwrap();
            let workbook = folder.path().join("ladder.xlsx");
            std::fs::write(&workbook, bytes).unwrap();
            let from_workbook = ladder::inputs::import_file(&workbook)
                .unwrap_or_else(|errors| panic!("{what}: {errors:?}"))
                .ladder;
            let titles = |ladder: &Ladder| -> Vec<Vec<String>> {
                ladder
                    .tracks
                    .iter()
                    .map(|track| track.levels.iter().map(|l| l.title.clone()).collect())
                    .collect()
            };
            assert_eq!(titles(&from_workbook), titles(&ladder), "{what}: workbook");
            assert_eq!(from_workbook.language(), language, "{what}: workbook");
        }
    }
}

/// A site's data module holds the ladder as an object literal, in every wrapper a site uses
/// (ES module, CommonJS, TypeScript with a type): read as the JSON it would be, with
/// comments, unquoted keys, single quotes, template strings and trailing commas; code is
/// refused with the place to look. The language is found from the text.
#[test]
fn a_site_s_data_module_reads_like_json() {
    let body = r#"{
  // The framework as the site renders it.
  title: 'Carreira em Engenharia',
  topics: [
    {
      name: "Técnica",
      levels: [
        { title: 'Júnior', criteria: ['Escreve testes para o código que entrega', `Pede revisão de "código" cedo`,], },
        { title: 'Pleno', criteria: ['Projeta funcionalidades de ponta a ponta com autonomia'] },
      ],
    },
    {
      name: 'Colaboração',
      levels: [
        { title: 'Júnior', criteria: ['Compartilha o que aprende com a equipe'] },
        { title: 'Pleno', criteria: ['Orienta pessoas mais novas no time', /* a second */ 'Conduz reuniões de planejamento da equipe'] },
      ],
    },
  ],
}"#;
    let folder = tempfile::tempdir().unwrap();
    for (file, module) in [
        ("ladder.js", format!("export default {body};\n")),
        ("ladder.cjs", format!("module.exports = {body};\n")),
        (
            "ladder.ts",
            format!("import type {{ Ladder }} from './types';\nconst ladder: Ladder = {body} as const;\nexport default ladder;\n"),
        ),
        // A site's constants module: several exports, the ladder not the first of them.
        (
            "constants.js",
            format!(
                "// @flow\nexport type Level = 0 | 1;\nexport const milestones = [0, 1, 2];\n\
                 export const colors = {{ a: '#fff' }};\nexport const tracks: Tracks = {body};\n\
                 export const trackIds = Object.keys(tracks);\n"
            ),
        ),
    ] {
        let path = folder.path().join(file);
        std::fs::write(&path, module).unwrap();
        let imported = ladder::import::import_file(&path).unwrap_or_else(|problems| {
            panic!("{file}: {problems:?}")
        });
        let ladder = &imported.ladder;
        assert_eq!(ladder.language.as_deref(), Some("pt"), "{file}");
        assert_eq!(
            entry(ladder, "Júnior", "Técnica"),
            [
                "Escreve testes para o código que entrega",
                "Pede revisão de \"código\" cedo"
            ],
            "{file}"
        );
        assert_eq!(
            entry(ladder, "Pleno", "Colaboração"),
            [
                "Orienta pessoas mais novas no time",
                "Conduz reuniões de planejamento da equipe"
            ],
            "{file}"
        );
    }
    let code = folder.path().join("code.js");
    std::fs::write(&code, "export default { levels: levels.map(x => x) };").unwrap();
    let problems = ladder::import::import_file(&code).unwrap_err();
    assert!(problems[0].message.contains("plain data"), "{problems:?}");
    assert!(problems[0].hint.as_deref().unwrap_or("").contains("JSON"));
}

/// The ladder a document of `text` saved as `name` imports to.
fn imported_from(name: &str, text: &str) -> Ladder {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(name);
    std::fs::write(&path, text).unwrap();
    ladder::inputs::import_file(&path)
        .unwrap_or_else(|errors| panic!("{name}: {errors:?}"))
        .ladder
}

/// A level's expectation texts, area after area.
fn level_texts(level: &Level) -> Vec<&str> {
    level
        .expectations
        .values()
        .flatten()
        .map(|item| item.text.as_str())
        .collect()
}

/// Each track's name and how many levels it has.
fn track_sizes(ladder: &Ladder) -> Vec<(String, usize)> {
    ladder
        .tracks
        .iter()
        .map(|track| (track.name.clone(), track.levels.len()))
        .collect()
}

fn level_titles(ladder: &Ladder) -> Vec<&str> {
    ladder
        .levels()
        .map(|(_, level)| level.title.as_str())
        .collect()
}

/// A role ladder described twice: a summary table (a row per role) and then a section per role.
/// Each role is one level, read from its section; the row's cells join its description, so no
/// text is lost. Sections about people's standing ("New contributors", "Inactive members") at
/// the ends of the track are prose, not levels.
#[test]
fn a_role_ladder_described_twice_gives_one_level_per_role() {
    let imported = imported_from(
        "membership.md",
        "# Community membership\n\n\
         This page outlines the roles of contributors. Responsibilities are scoped to subprojects.\n\n\
         | Role | Responsibilities | Requirements | Defined by |\n\
         | --- | --- | --- | --- |\n\
         | Member | Active contributor | Sponsored by 2 reviewers | GitHub org member |\n\
         | Reviewer | Reviews code | History of reviews | OWNERS file reviewer entry |\n\
         | Approver | Approves contributions | Highly experienced reviewer | OWNERS file approver entry |\n\
         | Subproject owner | Sets direction | Demonstrated judgement | sigs.yaml entry |\n\n\
         ## New contributors\n\nNew contributors should be welcomed to the community.\n\n\
         ## Member\n\n### Requirements\n\n- Enabled two-factor authentication\n- Have made multiple contributions\n\n\
         ### Responsibilities and privileges\n\n- Responsive to issues assigned to them\n- Active owner of code they have contributed\n\n\
         ## Reviewer\n\n### Requirements\n\n- Member for at least 3 months\n- Primary reviewer for at least 5 PRs\n\n\
         ### Responsibilities and privileges\n\n- Tests are passing\n- Code is well designed\n\n\
         ## Approver\n\n### Requirements\n\n- Reviewer for at least 3 months\n- Nominated by a subproject owner\n\n\
         ### Responsibilities and privileges\n\n- Demonstrate sound technical judgement\n- Mentor contributors and reviewers\n\n\
         ## Inactive members\n\nMembers who have not contributed for 18 months are marked inactive.\n",
    );
    let titles = level_titles(&imported);
    // The role without a section of its own is a level too, in the table's order.
    assert_eq!(
        titles,
        ["Member", "Reviewer", "Approver", "Subproject owner"]
    );
    for (_, level) in imported.levels().take(3) {
        let count: usize = level.expectations.values().map(Vec::len).sum();
        assert_eq!(count, 4, "{}: the section's four bullets", level.title);
    }
    // The summary's cells join the description of the role they summarize.
    let reviewer = imported.level("reviewer").unwrap();
    let description = reviewer.description.as_deref().unwrap_or_default();
    for cell in [
        "Reviews code",
        "History of reviews",
        "OWNERS file reviewer entry",
    ] {
        assert!(description.contains(cell), "{description}");
    }
    let prose: Vec<&str> = imported.sections.iter().map(|s| s.title.as_str()).collect();
    assert!(prose.contains(&"New contributors"), "{prose:?}");
    assert!(prose.contains(&"Inactive members"), "{prose:?}");
}

/// A contributor ladder whose roles are `##` sections under the page's title, beside prose
/// sections at the same depth ("Community", "Scope of roles", "Inactivity"): the roles are the
/// levels, each with the items of its lists; the other sections are prose.
#[test]
fn roles_beside_prose_sections_under_a_page_title_are_the_levels() {
    let imported = imported_from(
        "ladder.md",
        "# Contributor Ladder\n\nThis ladder defines the formal roles of the project.\n\n\
         ## Community\n\nThe community is open to everyone. Roles are optional.\n\n\
         ## Member\n\nMembers are expected to:\n\n- Contribute regularly.\n\n\
         To become a member:\n\n- Have five merged pull requests.\n\n\
         ## Reviewer\n\nReviewers are expected to:\n\n- Review pull requests.\n- Triage issues.\n\n\
         ## Maintainer\n\nMaintainers are expected to:\n\n- Merge pull requests.\n- Take part in governance.\n- Guide the technical direction.\n\n\
         ## Scope of roles\n\nRoles apply to single repositories.\n\n\
         ## Inactivity\n\nA role may be removed after a year without activity.\n",
    );
    let levels: Vec<(String, usize)> = imported
        .levels()
        .map(|(_, level)| {
            let count = level.expectations.values().map(Vec::len).sum();
            (level.title.clone(), count)
        })
        .collect();
    assert_eq!(
        levels,
        [
            (String::from("Member"), 2),
            (String::from("Reviewer"), 2),
            (String::from("Maintainer"), 3)
        ]
    );
    let prose: Vec<&str> = imported.sections.iter().map(|s| s.title.as_str()).collect();
    for title in ["Community", "Scope of roles", "Inactivity"] {
        assert!(prose.contains(&title), "{prose:?}");
    }
}

/// Roles named in the plural or with an English name in brackets (`项目开发委员会（Committers）`,
/// `## Maintainers`) are levels, read from their `##` sections under the page's title with their
/// `###` areas; an "Inactive members" section that closes the page is prose, even with a list.
#[test]
fn roles_named_in_the_plural_are_levels_and_inactive_members_are_prose() {
    let imported = imported_from(
        "roles.md",
        "# 角色和责任\n\n本文介绍项目的角色。\n\n\
         ## 项目管理委员会（Maintainers）\n\n维护者负责项目的方向。\n\n### 责任\n\n- 制定路线图\n- 审核新的维护者\n\n\
         ### 成为维护者\n\n- 长期贡献代码\n\n\
         ## 项目开发委员会（Committers）\n\n提交者负责代码的质量。\n\n### 责任\n\n- 审核代码\n- 合并代码\n\n\
         ### 成为提交者\n\n- 贡献十个以上的补丁\n\n\
         ## Inactive members\n\n- Members without activity for a year are marked inactive.\n- They may return at any time.\n",
    );
    let titles = level_titles(&imported);
    assert_eq!(
        titles,
        [
            "项目管理委员会（Maintainers）",
            "项目开发委员会（Committers）"
        ]
    );
    let counts: Vec<usize> = imported
        .levels()
        .map(|(_, level)| level.expectations.values().map(Vec::len).sum())
        .collect();
    assert_eq!(counts, [3, 3]);
    let inactive = imported
        .sections
        .iter()
        .find(|section| section.title == "Inactive members")
        .expect("the section is kept as prose");
    assert!(inactive.body.contains("They may return at any time."));
    assert_eq!(imported.language.as_deref(), Some("zh"));
}

/// A page a site generator made puts a permalink after each heading (`¶`, `#`): the title is
/// the heading's words without it.
#[test]
fn a_heading_s_permalink_is_not_part_of_the_level_s_title() {
    let imported = imported_from(
        "roles.html",
        "<html><body><h1>Roles</h1>\
         <h2>Contributor <a class=\"headerlink\" href=\"#contributor\">¶</a></h2>\
         <ul><li>Sends patches.</li><li>Reports bugs.</li></ul>\
         <h2>Committer <a href=\"#committer\">#</a></h2>\
         <ul><li>Merges patches.</li><li>Reviews patches.</li></ul>\
         <h2>Sponsor<a href=\"#sponsor\">§</a></h2>\
         <ul><li>Vouches for a new member.</li></ul></body></html>",
    );
    let titles = level_titles(&imported);
    assert_eq!(titles, ["Contributor", "Committer", "Sponsor"]);
}

/// A level's data file that grades each capability (`exceeds`, `meets`, `misses`): the band the
/// level expects is its expectation in that area, the other bands describe the level around it;
/// a list beside them is an area named by its key.
#[test]
fn a_graded_level_file_expects_its_meets_band() {
    let imported = imported_from(
        "l3.yaml",
        "level: L3\ntitle: Software Engineer\ndescription: Works on their own.\n\
         responsibilities:\n  - Ships features end to end\n  - Reviews code\n\
         expectations:\n  technical:\n    exceeds: Designs APIs others copy.\n    meets: Designs sound APIs.\n    misses: Needs help with APIs.\n  impact:\n    exceeds: Changes the roadmap.\n    meets: Delivers the roadmap.\n    misses: Misses deadlines.\n",
    );
    let level = &imported.tracks[0].levels[0];
    assert_eq!(level.title, "L3");
    let by_area: BTreeMap<String, Vec<String>> = level
        .expectations
        .iter()
        .map(|(area, items)| {
            let name = imported.area(area).unwrap().name.clone();
            (name, items.iter().map(|item| item.text.clone()).collect())
        })
        .collect();
    assert_eq!(by_area["technical"], ["Designs sound APIs."]);
    assert_eq!(by_area["impact"], ["Delivers the roadmap."]);
    assert_eq!(
        by_area["responsibilities"],
        ["Ships features end to end", "Reviews code"]
    );
    let description = level.description.as_deref().unwrap();
    for kept in [
        "Works on their own.",
        "Designs APIs others copy.",
        "Misses deadlines.",
    ] {
        assert!(description.contains(kept), "{description}");
    }
}

/// Headings that ask a question ("How do I tell Senior from Staff?") or name a process
/// ("Nomination of a Senior Engineer") title prose, not levels, also where they sit at the
/// levels' depth with lists under them.
#[test]
fn a_question_titles_prose_not_a_level() {
    let imported = imported_from(
        "levels.md",
        "# Engineering levels\n\n## Levels\n\n### Engineer\n\n- Ships tasks.\n- Writes tests.\n\n\
         ### Senior Engineer\n\n- Ships projects.\n- Mentors engineers.\n\n\
         ## Telling levels apart\n\n### How do I tell Engineer from Senior Engineer?\n\n\
         - Look at the scope of their work.\n- Look at who they mentor.\n\n\
         ## Processes\n\n### Nomination of a Senior Engineer\n\n- A manager proposes.\n- Peers comment.\n",
    );
    let titles = level_titles(&imported);
    assert_eq!(titles, ["Engineer", "Senior Engineer"]);
    // Kept as prose: a section of its own, or a bold line in the section it is under.
    let prose = |said: &str| {
        imported
            .sections
            .iter()
            .find(|section| section.title.contains(said) || section.body.contains(said))
            .map(|section| format!("{}\n{}", section.title, section.body))
            .unwrap_or_default()
    };
    let question = prose("How do I tell Engineer from Senior Engineer?");
    assert!(
        question.contains("Look at the scope of their work."),
        "{question}"
    );
    let process = prose("Nomination of a Senior Engineer");
    assert!(process.contains("A manager proposes."), "{process}");
}

/// A summary table that names a role twice: the role's section takes the first row, the second
/// row stays a level of its own; nothing is lost or taken twice.
#[test]
fn a_role_summarized_twice_is_merged_once() {
    let imported = imported_from(
        "twice.md",
        "# Roles\n\nThe roles of the project.\n\n\
         | Role | Duties | Defined by |\n| --- | --- | --- |\n\
         | Member | Contributes | Org membership |\n| Member | Also contributes | Team membership |\n\
         | Reviewer | Reviews | OWNERS file |\n| Approver | Approves | OWNERS file |\n\n\
         ## Member\n\n### Requirements\n\n- Two merged changes\n- Two-factor login\n\n\
         ## Reviewer\n\n### Requirements\n\n- Member for three months\n- Five reviews\n",
    );
    let titles = level_titles(&imported);
    assert_eq!(titles, ["Member", "Member", "Reviewer", "Approver"]);
    let text = format!("{imported:?}");
    for cell in [
        "Also contributes",
        "Team membership",
        "Org membership",
        "Five reviews",
    ] {
        assert!(text.contains(cell), "{cell}");
    }
}

/// Levels titled by bold lines over their lists, inside `###` bands of a `##` section
/// (`**Senior**` then `- **Impact**: Team`): each bold line is a level, its `**Label**: text`
/// bullets its areas.
#[test]
fn bold_lines_over_lists_title_levels_inside_bands() {
    let imported = imported_from(
        "levels.md",
        "# Career levels\n\nHow we level.\n\n## Level structure\n\n### Base levels\n\n\
         **Junior**\n- **Impact**: Individual\n- **Autonomy**: Guided\n\n\
         **Senior**\n- **Impact**: Team\n- **Autonomy**: Independent\n\n\
         ### Specialized levels\n\n\
         **Staff**\n- **Impact**: Department\n- **Autonomy**: Leading\n\n\
         **Principal**\n- **Impact**: Company\n- **Autonomy**: Setting direction\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Junior", "Senior", "Staff", "Principal"]
    );
    for (_, level) in imported.levels() {
        let areas: Vec<&str> = level
            .expectations
            .keys()
            .map(|area| imported.area(area).unwrap().name.as_str())
            .collect();
        assert_eq!(areas, ["Impact", "Autonomy"], "{}", level.title);
    }
}

/// The contributor ladders projects copy from one another (Kubernetes' membership page, the
/// CNCF template): what is said *about* a role (`**Defined by:**`, `**Note:**`, the sentence
/// leading into a list or following it, a footnote, the numbered steps of its nomination) is
/// its description, not one of its expectations; a reference link keeps its target; a label
/// with nothing after it adds no empty expectation. Every text is kept.
#[test]
fn what_is_said_about_a_role_describes_it_and_its_lists_are_its_expectations() {
    let imported = imported_from(
        "membership.md",
        "# Community membership\n\n## Member\n\n\
         Members are continuously active contributors.\n\n\
         **Defined by:** Member of the GitHub organization\n\n\
         ### Requirements\n\n\
         The following apply to the part of the codebase one works on.\n\n\
         - Enabled [two-factor authentication] on their account\n\
         - Have read the [contributor guide][guide]\n\
         - Follow the [Code of\n  Conduct][coc] and the [Security\n  Policy]\n\n\
         There are related organizations, such as [sigs].\n\n\
         \\* _Excluding the playground repository._\n\n\
         ### Responsibilities and privileges\n\n\
         - Responsive to issues\n\n\
         **Note:** Members who contribute code are expected to review.\n\n\
         ## Reviewer\n\n\
         * **Responsibilities:**\n\n    * Review changes\n\n\
         * **Qualifications:**\n\n  Anybody who reviews is welcome. Some forms of review are:\n\n    * Code review\n    * Docs review\n\n\
         The process for a Member to become a Reviewer is as follows:\n\n\
         1. Open a PR in the members file\n\
         2. Receive two approvals\n\n\
         [two-factor authentication]: https://example.com/2fa\n\
         [guide]: https://example.com/guide\n\
         [sigs]: https://example.com/sigs\n\
         [coc]: https://example.com/coc\n\
         [security policy]: https://example.com/security\n",
    );
    assert_eq!(level_titles(&imported), ["Member", "Reviewer"]);
    assert_eq!(
        entry(&imported, "Member", "Requirements"),
        [
            "Enabled [two-factor authentication](https://example.com/2fa) on their account",
            "Have read the [contributor guide](https://example.com/guide)",
            "Follow the [Code of\nConduct](https://example.com/coc) and the [Security\nPolicy](https://example.com/security)",
        ]
    );
    assert_eq!(
        entry(&imported, "Member", "Responsibilities and privileges"),
        ["Responsive to issues"]
    );
    assert_eq!(
        entry(&imported, "Reviewer", "Responsibilities"),
        ["Review changes"]
    );
    assert_eq!(
        entry(&imported, "Reviewer", "Qualifications"),
        ["Code review", "Docs review"]
    );
    let description = |title: &str| {
        imported
            .levels()
            .find(|(_, level)| level.title == title)
            .and_then(|(_, level)| level.description.clone())
            .unwrap_or_default()
    };
    for said in [
        "**Defined by:** Member of the GitHub organization",
        "The following apply to the part of the codebase one works on.",
        "There are related organizations, such as [sigs](https://example.com/sigs).",
        "Excluding the playground repository.",
        "**Note:** Members who contribute code are expected to review.",
    ] {
        assert!(description("Member").contains(said), "{said}");
    }
    for said in [
        "Some forms of review are:",
        "The process for a Member to become a Reviewer is as follows:",
        "Open a PR in the members file",
        "Receive two approvals",
    ] {
        assert!(description("Reviewer").contains(said), "{said}");
    }
}

/// Headings numbered as a document's sections (`## 3. Contributor`, `### 3.1. Requirements`):
/// the numbers are the outline, not the names, so each role's areas are the same areas; a
/// numbered preface and a role summary are prose, not levels.
#[test]
fn section_numbers_are_not_part_of_names_and_a_summary_is_prose() {
    for (preface, summary, areas) in [
        (
            "Preface",
            "Role summary",
            ["Requirements", "Responsibilities"],
        ),
        ("前言", "角色摘要", ["要求", "职责"]),
    ] {
        let imported = imported_from(
            "roles.md",
            &format!(
                "# Roles\n\n## 1. {preface}\n\nThis page describes the roles.\n\n\
                 ## 2. {summary}\n\n- Contributors contribute.\n- Maintainers maintain.\n\n\
                 ## 3. Contributor\n\n### 3.1. {a}\n\n- Signed the CLA\n\n### 3.2. {b}\n\n- Answers issues\n\n\
                 ## 4. Maintainer\n\n### 4.1. {a}\n\n- Ten merged changes\n\n### 4.2. {b}\n\n- Reviews changes\n",
                a = areas[0],
                b = areas[1]
            ),
        );
        assert_eq!(level_titles(&imported), ["Contributor", "Maintainer"]);
        let names: Vec<&str> = imported.areas.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, areas, "{preface}");
        let prose = format!("{:?}", imported.sections);
        assert!(prose.contains("Maintainers maintain."), "{prose}");
    }
}

/// A role's section as open-source projects write it: a list of sentences of which a few have
/// a colon ("Triage issues: add labels, …") is one expectation per sentence, not areas named
/// by verbs; "How to become …" is how one gets there (prose); the people who hold the role
/// (`- @handle — lead`) are a roster, not expectations. Every text is kept.
#[test]
fn sentences_with_colons_rosters_and_how_to_become_are_read_as_written() {
    let imported = imported_from(
        "ladder.md",
        "# Contribution ladder\n\n## Contributor\n\n\
         - Opens pull requests\n- Answers questions in the forum\n\n\
         ## Maintainer\n\n\
         - Review pull requests promptly.\n\
         - Triage issues: add labels, promote discussions, and finalize decisions.\n\
         - Help organize community meetings: schedule, organize, and drive the agenda.\n\
         - Make project-level technical decisions.\n\n\
         Current maintainers:\n\n\
         - @octocat — project lead\n- @hubot — co-maintainer\n\n\
         ### How to become a maintainer\n\n\
         Maintainers regularly discuss promoting contributors. Reach out to one.\n",
    );
    assert_eq!(level_titles(&imported), ["Contributor", "Maintainer"]);
    let maintainer = table(&imported)["Maintainer"].clone();
    let texts: Vec<&String> = maintainer.values().flatten().collect();
    assert_eq!(texts.len(), 4, "{maintainer:#?}");
    assert!(texts.contains(
        &&"Triage issues: add labels, promote discussions, and finalize decisions.".to_owned()
    ));
    let (_, level) = imported
        .levels()
        .find(|(_, level)| level.title == "Maintainer")
        .unwrap();
    let description = level.description.clone().unwrap_or_default();
    for said in [
        "Current maintainers:",
        "@octocat — project lead",
        "Maintainers regularly discuss",
    ] {
        assert!(description.contains(said), "{said}: {description}");
    }
}

/// What a site's Markdown carries besides the ladder: HTML tags inside the text (`<a href>`,
/// `<b>`, `<br>`) come out as the Markdown they stand for; a generator's directives
/// (`{{% include … %}}`) are no text; a table of contents and a paragraph that only links to
/// another page are pointers, kept in the description, not expectations.
#[test]
fn inline_html_directives_and_tables_of_contents_are_not_expectations() {
    let imported = imported_from(
        "senior.md",
        "# Engineering levels\n\n\
         - [Leadership](#leadership)\n- [Technical](#technical)\n\n\
         ## Senior\n\n\
         ### Leadership\n\n\
         {{% include \"includes/leadership.md\" %}}\n\n\
         - <a href=\"#sponsor\">Sponsored</a> by one <b>member</b>\n\
         - Mentors others<br>across teams\n\n\
         ### Technical\n\n\
         - Designs <span class=\"x\">systems</span>\n\n\
         ## Staff\n\n\
         ### Leadership\n\n\
         - Leads a group\n\n\
         ### Technical\n\n\
         [All of the level below's competencies](/senior)\n\n\
         - Designs platforms\n",
    );
    assert_eq!(level_titles(&imported), ["Senior", "Staff"]);
    assert_eq!(
        entry(&imported, "Senior", "Leadership"),
        [
            "[Sponsored](#sponsor) by one **member**",
            "Mentors others across teams"
        ]
    );
    assert_eq!(entry(&imported, "Senior", "Technical"), ["Designs systems"]);
    assert_eq!(
        entry(&imported, "Staff", "Technical"),
        ["Designs platforms"]
    );
    let text = format!("{imported:?}");
    assert!(!text.contains("include"), "{text}");
    assert!(text.contains("All of the level below"), "{text}");
}

/// A spreadsheet whose cells hold paragraphs: each paragraph is one expectation (its lines
/// joined), a line of examples (`例：…`, `e.g. …`) gives that expectation's examples, and a
/// bracketed name between paragraphs (`[Engineering Manager Skills]`) starts a group of the
/// cell, no expectation.
#[test]
fn a_cell_of_paragraphs_gives_one_expectation_per_paragraph() {
    let imported = imported_from(
        "grid.csv",
        ",Craft,Impact\n\
         G1,\"Writes tests for their code\nand asks for reviews.\n\nFixes small bugs.\ne.g. typos, off-by-one\",\"Ships small tasks.\"\n\
         G2,\"Designs features.\n\n[Engineering Manager Skills]\n\nGrows the team.\",\"理解し、説明できる。\n例：ロギングデータの活用\n\nチームをリードしている。\"\n",
    );
    assert_eq!(level_titles(&imported), ["G1", "G2"]);
    assert_eq!(
        entry(&imported, "G1", "Craft"),
        [
            "Writes tests for their code and asks for reviews.",
            "Fixes small bugs."
        ]
    );
    assert_eq!(
        entry(&imported, "G2", "Craft"),
        ["Designs features.", "Grows the team."]
    );
    assert_eq!(
        entry(&imported, "G2", "Impact"),
        ["理解し、説明できる。", "チームをリードしている。"]
    );
    let examples: Vec<String> = imported
        .levels()
        .flat_map(|(_, level)| level.expectations.values().flatten())
        .flat_map(|item| item.examples.clone())
        .collect();
    assert_eq!(examples, ["typos, off-by-one", "ロギングデータの活用"]);
}

/// A site's data whose levels are named with digits inside words ("Play3r", "Pr0") keeps the
/// file's order of levels; a level's `summary` beside its `criteria` names it within the
/// area: it joins the description, not the expectations.
#[test]
fn data_levels_keep_the_file_s_order_and_a_summary_beside_criteria_describes() {
    let imported = imported_from(
        "core.json",
        r#"{"title": "Core", "topics": [
          {"title": "Attitude", "levels": [
            {"title": "n00b", "summary": "", "criteria": ["Willing to learn"]},
            {"title": "Play3r", "summary": "Team player", "criteria": ["Helps others", "Shares"]},
            {"title": "Pr0", "summary": "Leader", "criteria": ["Leads a team"]}]}]}"#,
    );
    assert_eq!(level_titles(&imported), ["n00b", "Play3r", "Pr0"]);
    assert_eq!(
        entry(&imported, "Play3r", "Attitude"),
        ["Helps others", "Shares"]
    );
    let (_, pro) = imported.levels().find(|(_, l)| l.title == "Pr0").unwrap();
    assert!(pro.description.as_deref().unwrap_or("").contains("Leader"));
}

/// Levels titled in Korean (`## 주니어 엔지니어`) are levels as their English titles are; a
/// level's `**Summary:**` line is its headline, not an area.
#[test]
fn korean_titles_are_levels_and_a_summary_line_is_the_headline() {
    let imported = imported_from(
        "ko.md",
        "# 엔지니어 성장 레벨\n\n## 주니어 엔지니어\n\n**Summary:** 작업을 완료한다.\n\n\
         ### 기술 역량\n- 명확하게 정의된 작업을 완료한다\n\n### 협업\n- 팀 회의에 참여한다\n\n\
         ## 시니어 엔지니어\n\n### 기술 역량\n- 복잡한 시스템을 설계한다\n\n### 협업\n- 멘토링한다\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["주니어 엔지니어", "시니어 엔지니어"]
    );
    assert_eq!(imported.language.as_deref(), Some("ko"));
    let names: Vec<&str> = imported.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["기술 역량", "협업"]);
    let (_, junior) = imported.levels().next().unwrap();
    assert_eq!(junior.headline.as_deref(), Some("작업을 완료한다."));
}

/// Data files of two more shapes: a list of roles that name themselves, each with its
/// criteria under `summary: {blurb, bullets}` (the blurb describes the role); and skills whose
/// levels give only `examples` (they are the expectations; "Not applicable for this role"
/// holds the place of none).
#[test]
fn a_list_of_named_roles_and_levels_of_examples_import_from_data() {
    let roles = imported_from(
        "roles.json",
        r#"[{"name": "Junior developer", "summary": {"blurb": "Learns on the job.", "bullets": ["delivers stories", "writes tests"]}, "skillLevels": [{"skillId": 0, "levelId": 0}]},
            {"name": "Senior developer", "summary": {"blurb": "Leads work.", "bullets": ["designs systems"]}, "skillLevels": []}]"#,
    );
    assert_eq!(
        level_titles(&roles),
        ["Junior developer", "Senior developer"]
    );
    let (_, junior) = roles.levels().next().unwrap();
    let texts = level_texts(junior);
    assert_eq!(texts, ["delivers stories", "writes tests"]);
    assert!(junior
        .description
        .as_deref()
        .unwrap_or("")
        .contains("Learns on the job."));

    let skills = imported_from(
        "skills.yml",
        "- name: Security\n  levels:\n    - name: Awareness\n      examples:\n        - Spots risks\n\
         \x20   - name: Working\n      examples:\n        - Applies mitigations\n        - Reviews for security\n\
         \x20   - name: Expert\n      examples:\n        - Not applicable for this role\n\
         - name: Testing\n  levels:\n    - name: Awareness\n      examples:\n        - Writes unit tests\n\
         \x20   - name: Working\n      examples:\n        - Designs test suites\n\
         \x20   - name: Expert\n      examples:\n        - Sets the test strategy\n",
    );
    assert_eq!(level_titles(&skills), ["Awareness", "Working", "Expert"]);
    assert_eq!(
        entry(&skills, "Working", "Security"),
        ["Applies mitigations", "Reviews for security"]
    );
    assert_eq!(
        entry(&skills, "Expert", "Testing"),
        ["Sets the test strategy"]
    );
    assert!(!format!("{skills:?}").contains("Not applicable"));
}

/// A project page that first lists its team by role (`### Committer` over `- Yu Sun
/// (@shalousun)`, or a sentence) and then defines each role: the team's sections are prose,
/// the definitions the levels; the users' rung and the steering committee are roles; a
/// section number before an area's name (`2.1 Requirements`) is not part of it.
#[test]
fn a_team_roster_before_the_roles_is_prose() {
    let imported = imported_from(
        "roles.md",
        "# Community roles\n\n## Team\n\n### PMC\n- Yu Sun (@shalousun)\n\n\
         ### Committer\nWe are still building this list.\n\n\
         ## Roles\n\n### Users\n\n**1.1 Requirements**\n\n- Uses the project\n\n\
         ### Committer\n\n**2.1 Requirements**\n\n- Ten merged changes\n\n\
         ### Technical Steering Committee\n\n**3.1 Requirements**\n\n- Elected by committers\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Users", "Committer", "Technical Steering Committee"]
    );
    let names: Vec<&str> = imported.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Requirements"]);
    let prose = format!("{:?}", imported.sections);
    assert!(prose.contains("Yu Sun"), "{prose}");
    assert!(prose.contains("still building"), "{prose}");
}

/// A list's name written as a paragraph before it (`**Responsibilities:**`, `Requirements:`,
/// or the last words of a paragraph that describes the role, "… write access. Requirements:")
/// names the list's area; "**How to become a Member:** …" describes the way to the level.
#[test]
fn a_list_s_name_on_the_line_before_it_names_its_area() {
    let imported = imported_from(
        "roles.md",
        "# Roles\n\n## Member\n\nMembers are established contributors.\n\n\
         **Responsibilities:**\n* Reviews pull requests.\n* Triages issues.\n\n\
         **Requirements:**\n* Several contributions.\n\n\
         **How to become a Member:**\nMembers are invited by the maintainers.\n\n\
         ## Maintainer\n\n\
         Maintainers have write access to the repositories. Requirements:\n\n\
         * Member for six months\n\n\
         Responsibilities:\n\n* Cuts releases\n",
    );
    assert_eq!(level_titles(&imported), ["Member", "Maintainer"]);
    assert_eq!(
        entry(&imported, "Member", "Responsibilities"),
        ["Reviews pull requests.", "Triages issues."]
    );
    assert_eq!(
        entry(&imported, "Maintainer", "Requirements"),
        ["Member for six months"]
    );
    assert_eq!(
        entry(&imported, "Maintainer", "Responsibilities"),
        ["Cuts releases"]
    );
    let (_, member) = imported.levels().next().unwrap();
    assert!(member
        .description
        .as_deref()
        .unwrap_or("")
        .contains("invited by the maintainers"));
}

/// Levels that are the sub-headings of one section (`## Roles` over `### 1) Contributor`,
/// `### 2) Maintainer`) beside sections whose sub-headings are not levels (`## Specialty
/// Tracks` over `### CI / Infrastructure`, `## Inactivity` over `### Process`): the roles are
/// the levels (their numbers not part of the titles), the other sections prose.
#[test]
fn levels_under_one_section_beside_sections_of_prose() {
    let imported = imported_from(
        "ladder.md",
        "# Contributor Ladder\n\nHow we grow.\n\n## Roles\n\n### 1) Contributor\n\n\
         **Requirements**\n\n- Sign the CLA.\n- Open a pull request.\n\n\
         ### 2) Maintainer\n\n**Requirements**\n\n- Reviewer for 6 months.\n- Nominated by a maintainer.\n\n\
         ## Specialty Tracks\n\n### CI / Infrastructure\n\nFocus: build pipelines.\n\n\
         - Keeps CI green\n\n### Documentation\n\nFocus: the docs.\n\n\
         ## Inactivity\n\n### Process\n\n1. A maintainer asks.\n2. The role is removed.\n",
    );
    assert_eq!(level_titles(&imported), ["Contributor", "Maintainer"]);
    assert_eq!(
        entry(&imported, "Maintainer", "Requirements"),
        ["Reviewer for 6 months.", "Nominated by a maintainer."]
    );
    let prose = format!("{:?}", imported.sections);
    for said in ["Keeps CI green", "The role is removed."] {
        assert!(prose.contains(said), "{said}: {prose}");
    }
}

/// Sections under a level that are for the reader or about a procedure ("Additional reading",
/// "Acceptance" by vote): prose in the level's description, not areas; a company ladder's
/// "Process" area stays an area.
#[test]
fn reading_lists_and_voting_procedures_are_not_areas() {
    let imported = imported_from(
        "ladder.md",
        "# Ladder\n\n## Engineer\n\n### Process\n\n- Follows the team's process\n\n\
         ### Additional reading\n\n- The Pragmatic Programmer\n\n\
         ## Maintainer\n\n### Process\n\n- Improves the release process\n\n\
         ### Acceptance\n\n- Two thirds of the maintainers vote in favour\n",
    );
    assert_eq!(level_titles(&imported), ["Engineer", "Maintainer"]);
    let names: Vec<&str> = imported.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Process"]);
    let described: String = imported
        .levels()
        .filter_map(|(_, level)| level.description.clone())
        .collect();
    for said in ["The Pragmatic Programmer", "Two thirds of the maintainers"] {
        assert!(described.contains(said), "{said}: {described}");
    }
}

/// A summary table of roles with a "Defined by" column and an "emeritus" row, then a section
/// per role: "Defined by" describes each role (no area of that name); the emeritus row is a
/// standing, kept as prose, not a rung.
#[test]
fn a_summary_table_s_defined_by_column_and_emeritus_row_are_not_ladder() {
    let imported = imported_from(
        "membership.md",
        "# Membership\n\n| Role | Responsibilities | Defined by |\n| --- | --- | --- |\n\
         | Member | Active contributor | Org membership |\n\
         | Approver | Approves changes | CODEOWNERS entry |\n\
         | emeritus | Position of honor | Listed in the README |\n\n\
         ## Member\n\n### Requirements\n\n- Two merged changes\n\n\
         ## Approver\n\n### Requirements\n\n- Member for three months\n",
    );
    assert_eq!(level_titles(&imported), ["Member", "Approver"]);
    assert!(imported.areas.iter().all(|area| area.name != "Defined by"));
    // A heading that names a role's list after the role is an area, never a level.
    let listed = imported_from(
        "roles.md",
        "# Roles\n\n## Member\n\n### Member requirements\n\n- Two merged changes\n\n## Approver\n\n### Approver requirements\n\n- Member for three months\n",
    );
    assert_eq!(level_titles(&listed), ["Member", "Approver"]);
    let names: Vec<&str> = listed.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Requirements"]);
    let text = format!("{imported:?}");
    for said in ["Org membership", "Position of honor"] {
        assert!(text.contains(said), "{said}");
    }
}

/// A short stem over nested bullets ("Ensure continued health of subproject:") lets the
/// bullets be the expectations and is itself kept, in the level's description.
#[test]
fn a_stem_over_nested_bullets_is_kept() {
    let imported = imported_from(
        "roles.md",
        "# Roles\n\n## Member\n\n### Responsibilities\n\n\
         - Ensure continued health of subproject:\n  - Adequate test coverage\n  - Healthy build\n\
         - Define milestones\n\n## Maintainer\n\n### Responsibilities\n\n- Cut releases\n",
    );
    assert_eq!(
        entry(&imported, "Member", "Responsibilities"),
        [
            "Adequate test coverage",
            "Healthy build",
            "Define milestones"
        ]
    );
    let (_, member) = imported.levels().next().unwrap();
    assert!(member
        .description
        .as_deref()
        .unwrap_or("")
        .contains("Ensure continued health of subproject:"));
}

#[test]
fn a_rung_written_only_in_prose_expects_what_its_paragraphs_say() {
    // ESLint's and Milvus' shape: the first rungs are paragraphs, the later ones lists.
    let imported = imported_from(
        "governance.md",
        "# Governance\n\n## Roles\n\n### Users\n\n\
         Users are community members who have a need for the project.\n\n\
         Such Users may find themselves becoming Contributors, as described in the next section.\n\n\
         ### Contributors\n\n\
         Contributors contribute code and documentation in concrete ways.\n\n\
         Contributors submit changes via pull requests.\n\n\
         **Defined by:** the all-contributors list\n\n\
         The [governance page](https://example.com/gov) mentions in detail what a Contributor does.\n\n\
         ### Committers\n\n\
         Committers are trusted contributors.\n\n\
         Committers:\n\n- Review pull requests\n- Triage issues\n",
    );
    let (_, users) = imported.levels().next().unwrap();
    assert_eq!(
        entry(&imported, "Users", "Expectations"),
        ["Users are community members who have a need for the project."]
    );
    assert!(users
        .description
        .as_deref()
        .unwrap_or("")
        .contains("becoming Contributors"));
    assert_eq!(
        entry(&imported, "Contributors", "Expectations"),
        [
            "Contributors contribute code and documentation in concrete ways.",
            "Contributors submit changes via pull requests."
        ]
    );
    let (_, contributors) = imported.levels().nth(1).unwrap();
    let description = contributors.description.as_deref().unwrap_or("");
    assert!(
        description.contains("all-contributors list"),
        "{description}"
    );
    assert!(description.contains("mentions in detail"), "{description}");
    assert_eq!(
        entry(&imported, "Committers", "Expectations"),
        ["Review pull requests", "Triage issues"]
    );
}

#[test]
fn chinese_labels_with_full_width_colons_and_unfinished_stems() {
    // openEuler's and Triton-Ascend's shapes: `**权限**：…` paragraphs, a stem its bullets
    // complete ("贡献的代码应该", the code you contribute should), and `**名称**，包括：` over
    // nested bullets inside an area.
    let imported = imported_from(
        "roles.md",
        "# 角色\n\n## 贡献者\n\n### 要求\n\n- 完成至少一次贡献\n\n\
         **权限**：授予仓库 Triage 角色。\n\n\
         - 贡献的代码应该\n  - 经过良好的测试\n  - 解决后继发生的问题\n\n\
         ## 维护者\n\n### 要求\n\n- 作为贡献者至少3个月\n\n### 责任与权力\n\n\
         - **评审PR**：对提交的PR完成评审。\n\
         - **和上游社区合作**，包括：\n  - 将变更推送到上游社区\n  - 参与上游邮件列表\n",
    );
    assert_eq!(
        entry(&imported, "贡献者", "权限"),
        ["授予仓库 Triage 角色。"]
    );
    let table = table(&imported);
    let contributor: Vec<&String> = table["贡献者"].values().flatten().collect();
    assert!(
        contributor.contains(&&String::from("经过良好的测试")),
        "{contributor:?}"
    );
    assert!(
        !contributor.contains(&&String::from("贡献的代码应该")),
        "{contributor:?}"
    );
    assert_eq!(
        entry(&imported, "维护者", "评审PR"),
        ["对提交的PR完成评审。"]
    );
    assert_eq!(
        entry(&imported, "维护者", "和上游社区合作"),
        ["将变更推送到上游社区", "参与上游邮件列表"]
    );
}

#[test]
fn rungs_all_in_prose_keep_what_they_say_and_drop_their_signposts() {
    // The ASF's contributor ladder: every rung a paragraph or two, the last rungs named in the
    // plural ("Officers", "Board of Directors").
    let imported = imported_from(
        "ladder.md",
        "# Contributor ladder\n\n## User\n\n\
         As a user your responsibilities are to enjoy the software.\n\n\
         As you become a power user, you may consider becoming a contributor.\n\n\
         ## Contributor\n\nContributors send patches and answer questions.\n\n\
         [See more about being a contributor](https://example.com/c).\n\n\
         ## Foundation Member\n\n\
         Someone may be invited to become a member of the Foundation. This entitles them to \
         vote for the Board of Directors.\n\n\
         ## Officers of the Foundation\n\nOfficers run the day-to-day operation.\n\n\
         ## Board of Directors\n\nThe Board is responsible for the governance.\n\n\
         The members elect the Board annually.\n",
    );
    let titles: Vec<&str> = imported.levels().map(|(_, l)| l.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "User",
            "Contributor",
            "Foundation Member",
            "Officers of the Foundation",
            "Board of Directors"
        ]
    );
    let table = table(&imported);
    let texts = |level: &str| -> Vec<String> { table[level].values().flatten().cloned().collect() };
    assert_eq!(
        texts("User"),
        ["As a user your responsibilities are to enjoy the software."]
    );
    assert_eq!(
        texts("Contributor"),
        ["Contributors send patches and answer questions."]
    );
    assert_eq!(texts("Foundation Member").len(), 1);
    assert_eq!(texts("Board of Directors").len(), 2);
}

#[test]
fn rosters_of_profile_links_and_plural_role_sections_are_prose() {
    // Zadig's shape: roles from a summary table, then sections listing who holds each role,
    // titled in the plural, their people as links to their profiles.
    let imported = imported_from(
        "governance.md",
        "# Governance\n\n## Community roles\n\n\
         | Role | Primary responsibilities |\n|---|---|\n\
         | Contributor | All healthy contributions are welcome. |\n\
         | Maintainer | Review PRs and guide the community. |\n\
         | Council Member | Decide on key designs. |\n\n\
         ## Council members\n\n- [landylee007](https://github.com/landylee007)\n\n\
         ## Maintainers\n\n[a list of current maintainers]\n\n\
         ## Contributors\n\n- [nighca](https://github.com/nighca)\n- [xen0n](https://github.com/xen0n/)\n",
    );
    let titles: Vec<&str> = imported.levels().map(|(_, l)| l.title.as_str()).collect();
    assert_eq!(titles, ["Contributor", "Maintainer", "Council Member"]);
}

#[test]
fn a_form_s_table_after_the_levels_is_prose() {
    // PaddlePaddle's shape: roles as headings, then an appendix holding an application form
    // whose tables name no levels (one column happens to say "Reviewer").
    let imported = imported_from(
        "roles.md",
        "# Roles\n\n## Contributor\n\n- Sends pull requests\n\n## Committer\n\n- Reviews pull requests\n\n\
         ## Appendix\n\n### Merged pull requests\n\n\
         | PR title | PR summary | Reviewer |\n|---|---|---|\n| (link) | (link) | (link) |\n",
    );
    let titles: Vec<&str> = imported.levels().map(|(_, l)| l.title.as_str()).collect();
    assert_eq!(titles, ["Contributor", "Committer"]);
    assert_eq!(imported.tracks.len(), 1);
}

#[test]
fn restructured_text_and_mdx_read_like_markdown() {
    // A Sphinx handbook: underlined titles, a warning, a list-table of roles.
    let rst = "Career ladder\n=============\n\n.. warning::\n\n   Draft.\n\n\
               RSE 1\n-----\n\n- Writes tested code, see ``pytest``.\n- Learns `the tools <https://example.com>`_.\n\n\
               RSE 2\n-----\n\n- Leads small projects.\n\n\
               Internal roles\n--------------\n\n.. list-table::\n   :header-rows: 1\n\n\
                  * - Role\n     - Duties\n   * - Mentor\n     - Teaches\n       juniors\n";
    let imported = imported_from("ladder.rst", rst);
    assert_eq!(level_titles(&imported), ["RSE 1", "RSE 2"]);
    assert_eq!(
        entry(&imported, "RSE 1", "Expectations"),
        [
            "Writes tested code, see `pytest`.",
            "Learns [the tools](https://example.com)."
        ]
    );
    assert_eq!(imported.title, "Career ladder");
    // A Docusaurus page: imports and comments are code, not text.
    let mdx = "---\ntitle: Governance\n---\nimport Tabs from '@theme/Tabs';\n\n{/* hidden */}\n\n\
               ## Roles\n\n### Maintainer\n\n- Reviews pull requests\n\n### Committer\n\n- Merges pull requests\n";
    let imported = imported_from("governance.mdx", mdx);
    assert_eq!(level_titles(&imported), ["Maintainer", "Committer"]);
    let all: Vec<String> = table(&imported)
        .values()
        .flat_map(|a| a.values().flatten().cloned())
        .collect();
    assert!(
        all.iter()
            .all(|text| !text.contains("import") && !text.contains("hidden")),
        "{all:?}"
    );
}

#[test]
fn a_position_page_whose_front_matter_maps_its_competencies() {
    // REDspace's shape: a page that is only front matter, one position with a map of
    // competencies, each a summary and bullets.
    let imported = imported_from(
        "ssd.md",
        "---\ncode: SSD1\nposition: Senior Software Developer\ntier: ssd\ntheme: Leads\n\
         competencies:\n  technology:\n    keyword: Lifecycle Master\n    summary: Knows the whole lifecycle.\n\
         \x20   bullets:\n      - Masters the SDLC\n      - Unblocks complex problems\n\
         \x20 people:\n    keyword: Coaches\n    summary: Mentors a peer.\n    bullets:\n      - Explains concepts in reviews\n---\n",
    );
    assert_eq!(level_titles(&imported), ["Senior Software Developer"]);
    assert_eq!(
        entry(&imported, "Senior Software Developer", "technology"),
        [
            "Knows the whole lifecycle.",
            "Masters the SDLC",
            "Unblocks complex problems"
        ]
    );
    assert_eq!(
        entry(&imported, "Senior Software Developer", "people"),
        ["Mentors a peer.", "Explains concepts in reviews"]
    );
}

#[test]
fn a_markdown_file_typed_as_plain_lines_reads_by_its_lines() {
    // Zarm's shape: no Markdown at all; a title line, group lines, role lines over their
    // description, `·` items with no space after the dot, and `Role:` over people's addresses.
    let text = "社区角色\n\nProject Management Committee项目管理委员会（PMC)\n负责项目生命周期的进度把控\n\n\
                PMC:\nJerome Lin <jerome.lin@example.com>\n\n\
                User Group用户角色\nAmbassador\nAmbassador是所有使用了Zarm的个人\n\n\
                Developer Group开发者角色\n\n\
                Committer\nCommitter是具有开源仓库写权限的个人，包含以下的标准：\n·能够长时间持续贡献issue、PR；\n·参与code review；\nCommitter:\nedison-hm <edison@example.com>\n\n\
                Reviewer\nReviewer审核新的代码贡献，包含以下的职责：\n·参与关键模块的设计讨论与开发\n·保证技术文档的准确性\n";
    let imported = imported_from("roles.md", text);
    assert_eq!(imported.title, "社区角色");
    assert_eq!(
        level_titles(&imported),
        [
            "Project Management Committee项目管理委员会（PMC)",
            "Ambassador",
            "Committer",
            "Reviewer"
        ]
    );
    assert_eq!(imported.language.as_deref(), Some("zh"));
    assert_eq!(
        entry(&imported, "Committer", "Expectations"),
        ["能够长时间持续贡献issue、PR；", "参与code review；"]
    );
    assert_eq!(
        entry(&imported, "Ambassador", "Expectations"),
        ["Ambassador是所有使用了Zarm的个人"]
    );
    let all: Vec<String> = table(&imported)
        .values()
        .flat_map(|areas| areas.values().flatten().cloned())
        .collect();
    assert!(
        all.iter()
            .all(|text| !text.contains('@') && !text.contains("Group")),
        "{all:?}"
    );
}

#[test]
fn rosters_written_as_handles_under_each_component_are_prose() {
    // koupleless' shape: the roles in a table, then per component a heading per role over
    // the handles of the people holding it (`<br />` between them), or `暂无` (nobody yet).
    let imported = imported_from(
        "roles.md",
        "# 社区角色\n\n## 角色职责\n\n| 角色 | 责任与权限 |\n| --- | --- |\n\
         | Contributor | 提交 Issue 和代码。 |\n| Committer | 评审代码。 |\n| Maintainer | 管理仓库。 |\n\n\
         ## 成员名单\n\n### SOFAArk\n\n#### Maintainer\n\nyuanyuancin<br />lvjing2\n\n\
         #### Committer\n\nzjulbj5<br />gaosaroma<br />QilongZhang133\n\n#### Contributor\n\n\
         lylingzhen10<br />khotyn<br />FlyAbner （260+ 行提交）<br />JoeKerouac\n\n\
         ### Arklet\n\n#### Maintainer\n\nyuanyuancin<br />lvjing2\n\n#### Committer\n\n暂无\n\n\
         #### Contributor\n\nglmapper<br />Lunarscave\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Contributor", "Committer", "Maintainer"]
    );
    let all: Vec<String> = table(&imported)
        .values()
        .flat_map(|areas| areas.values().flatten().cloned())
        .collect();
    assert_eq!(all.len(), 3, "{all:?}");
}

#[test]
fn rungs_of_one_paragraph_each_expect_what_it_says() {
    // keiailab's shape (Korean): each role one short paragraph.
    let imported = imported_from(
        "governance.md",
        "# 거버넌스\n\n## 역할\n\n### Contributor\n\n누구나. PR 과 issue 제출 가능.\n\n\
         ### Reviewer\n\n정기적으로 리뷰하는 contributor. 머지 권한 없음.\n\n\
         ### Maintainer\n\n머지 / 승인 권한 보유.\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Contributor", "Reviewer", "Maintainer"]
    );
    assert_eq!(
        entry(&imported, "Reviewer", "Expectations"),
        ["정기적으로 리뷰하는 contributor. 머지 권한 없음."]
    );
    assert_eq!(imported.language.as_deref(), Some("ko"));
}

#[test]
fn plural_roles_after_sections_on_leaving_a_role_are_levels() {
    // Porter's shape: "Release Managers" and "Admin" rungs beside "Inactivity" and
    // "Involuntary Removal or Demotion" sections.
    let imported = imported_from(
        "ladder.md",
        "# Contribution Ladder\n\n## Contributor\n\n- Opens pull requests\n\n## Maintainer\n\n- Reviews pull requests\n\n\
         ## Release Managers\n\n- Cut releases\n\n## Inactivity\n\n- Maintainers inactive for a year are moved to emeritus\n\n\
         ## Involuntary Removal or Demotion\n\nA maintainer may be removed by a vote.\n\n## Admin\n\n- Manages the organization\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Contributor", "Maintainer", "Release Managers", "Admin"]
    );
}

#[test]
fn a_role_s_named_lists_and_its_process_are_no_levels() {
    // Kyverno's shape: bold lines "Checklist for becoming a Contributor", "Privileges of a
    // Contributor" over lists inside each role, and "Progression Process" after the roles.
    let imported = imported_from(
        "governance.md",
        "# Governance\n\n## Project Roles\n\n### Contributors\n\nContributors made five contributions.\n\n\
         **Checklist for becoming a Contributor**\n\n- Have five contributions\n- Attend a meeting\n\n\
         **Privileges of a Contributor**\n\n- Listed in the contributors file\n\n\
         ### Reviewers\n\n**Checklist for becoming a Reviewer**\n\n- Review ten pull requests\n\n\
         **Responsibilities of a Reviewer**\n\n- Review in time\n\n\
         ### Maintainers\n\n**Responsibilities of a Maintainer**\n\n- Set direction\n\n\
         ### Progression Process\n\nProgression needs a nomination.\n\n- Votes are documented in an issue\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Contributors", "Reviewers", "Maintainers"]
    );
}

#[test]
fn a_table_inside_a_level_lists_its_areas() {
    // kolbis' shape: under each level, a "Responsibility | Growth Behaviors" table whose
    // cells hold `<p>- …</p>` paragraphs.
    let imported = imported_from(
        "ladder.md",
        "# L3 IC - Product Owner\n\n### Responsibility & Growth\n\n\
         |**Responsibility**|**Growth Behaviors**|\n| :-: | :-: |\n\
         |Execution|<p>- You create the road-map.</p><p>- You track executions.</p>|\n\
         |Culture|<p>- You share knowledge.</p>|\n\n\
         # L4 IC - Product Owner\n\n### Responsibility & Growth\n\n\
         |**Responsibility**|**Growth Behaviors**|\n| :-: | :-: |\n\
         |Execution|<p>- You own the road-map.</p>|\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["L3 IC - Product Owner", "L4 IC - Product Owner"]
    );
    assert_eq!(
        entry(&imported, "L3 IC - Product Owner", "Execution"),
        ["You create the road-map.", "You track executions."]
    );
    assert_eq!(
        entry(&imported, "L4 IC - Product Owner", "Execution"),
        ["You own the road-map."]
    );
}

#[test]
fn a_table_mapping_described_roles_to_short_values_is_prose() {
    // Kyverno's "Mapping Project Roles to GitHub Roles" after the roles' sections.
    let imported = imported_from(
        "governance.md",
        "# Governance\n\n## Roles\n\n### Contributors\n\n- Send pull requests\n\n### Reviewers\n\n- Review pull requests\n\n\
         ### Maintainers\n\n- Set direction\n\n## Mapping Project Roles to GitHub Roles\n\n\
         | Project Role | GitHub Role |\n|---|---|\n| Contributor | None |\n| Reviewer | Write |\n| Maintainer | Maintain |\n",
    );
    assert_eq!(imported.tracks.len(), 1);
    assert_eq!(
        level_titles(&imported),
        ["Contributors", "Reviewers", "Maintainers"]
    );
}

#[test]
fn a_matrix_whose_corner_says_level_keeps_its_bold_row_labels_as_areas() {
    // `| Level | IC1 | IC2 |` over `| **Coding** | … |` rows: "Level" names the columns; the
    // first column is the areas, not a level.
    let imported = imported_from(
        "matrix.md",
        "# Competency Matrix\n\n### Technical Depth\n\n| Level | IC1 | IC2 | IC3 |\n|---|---|---|---|\n\
         | **Coding** | Learning, needs reviews | Proficient, clean code | Expert, high quality |\n\
         | **System Design** | Understands basics | Designs features | Designs systems |\n",
    );
    assert_eq!(level_titles(&imported), ["IC1", "IC2", "IC3"]);
    assert_eq!(
        entry(&imported, "IC2", "Coding"),
        ["Proficient, clean code"]
    );
}

#[test]
fn a_label_bullet_with_a_lead_in_paragraph_names_its_nested_bullets() {
    // security-as-code's copy of Kubernetes' membership page: `- Requirements`, then an
    // indented "The following apply to …" paragraph, then the nested bullets.
    let imported = imported_from(
        "ladder.md",
        "# Ladder\n\n## Reviewer\n\n- Requirements\n\n    The following apply to the codebase.\n\n  - Reviewer for a month\n  - Nominated\n\n\
         - Responsibilities\n\n    The following apply too.\n\n  - Review code\n\n\
         ## Approver\n\n- Requirements\n\n  - Approver for a month\n",
    );
    assert_eq!(
        entry(&imported, "Reviewer", "Requirements"),
        ["Reviewer for a month", "Nominated"]
    );
    assert_eq!(
        entry(&imported, "Reviewer", "Responsibilities"),
        ["Review code"]
    );
    let (_, reviewer) = imported.levels().next().unwrap();
    assert!(reviewer
        .description
        .as_deref()
        .unwrap_or("")
        .contains("The following apply to the codebase."));
}

#[test]
fn everyone_is_welcome_is_a_guideline_not_a_rung() {
    // Jeandle's shape: "## General Guidelines" over "### Everyone is Welcome" beside
    // "## Contributor Ladder" over the roles.
    let imported = imported_from(
        "ladder.md",
        "# Contributor Ladder\n\n## General Guidelines\n\n### Everyone is Welcome\n\nAnyone may contribute.\n\n\
         ### Mentorship and Guidance\n\nWe help newcomers.\n\n## Contributor Ladder\n\n### Committer\n\n\
         - **Responsibilities**:\n  - Creating PRs\n\n### Maintainer\n\n- **Responsibilities**:\n  - Reviewing PRs\n",
    );
    assert_eq!(level_titles(&imported), ["Committer", "Maintainer"]);
}

#[test]
fn a_bullet_that_only_sends_the_reader_elsewhere_expects_nothing() {
    let imported = imported_from(
        "ladder.md",
        "# Ladder\n\n## Committer\n\n- **Responsibilities**:\n  - Creating PRs\n\
         - **How to Become a Committer**:\n  - See [Community Membership](https://example.com/membership)\n\n\
         ## Maintainer\n\n- **Responsibilities**:\n  - Reviewing PRs\n  - See the [review guide](https://example.com/review) and review daily\n",
    );
    let table = table(&imported);
    let committer: Vec<&String> = table["Committer"].values().flatten().collect();
    assert_eq!(committer, ["Creating PRs"]);
    // A sentence that goes on after its link is an expectation.
    assert_eq!(table["Maintainer"].values().flatten().count(), 2);
}

#[test]
fn a_statement_before_an_area_s_list_is_its_first_expectation_a_lead_in_is_not() {
    // kolbis' shape: `### Scope & Impact`, a sentence, then the area's bullets; and a
    // paragraph that announces the list after it.
    let imported = imported_from(
        "ladder.md",
        "# Product Owners\n\n# L3\n\n### Scope & Impact\nAs an L3, you lead a single mission.\n\n\
         - You build the road-map\n- You monitor executions\n\n# L4\n\n### Scope & Impact\n\
         The following apply to every mission you lead.\n\n- You lead several missions\n",
    );
    assert_eq!(level_titles(&imported), ["L3", "L4"]);
    assert_eq!(
        entry(&imported, "L3", "Scope and Impact"),
        [
            "As an L3, you lead a single mission.",
            "You build the road-map",
            "You monitor executions"
        ]
    );
    assert_eq!(
        entry(&imported, "L4", "Scope and Impact"),
        ["You lead several missions"]
    );
    let (_, l4) = imported.levels().nth(1).unwrap();
    assert!(l4
        .description
        .as_deref()
        .unwrap_or("")
        .contains("The following apply"));
}

#[test]
fn a_text_that_points_at_another_level_is_no_expectation_of_its_own() {
    // "Trainee Developer +" over the bullets a level adds (AgendaPro); "Knows C++" is an
    // expectation. A table's cell "Same as L3" stays what the cell says (Teleport's grid).
    let imported = imported_from(
        "ladder.md",
        "# Ladder\n\n## Trainee\n\n### Responsibilities\n\n- Learns the tools\n- Knows C++\n\n\
         ## Junior\n\n### Responsibilities\n\nTrainee +\n\n- Ships small features\n\n\
         ## Senior\n\n|Responsibility|Behaviors|\n|-|-|\n|Execution|Leads a team|\n|Culture|Same as L3|\n",
    );
    assert_eq!(level_titles(&imported), ["Trainee", "Junior", "Senior"]);
    let table = table(&imported);
    assert_eq!(
        table["Trainee"].values().flatten().collect::<Vec<_>>(),
        ["Learns the tools", "Knows C++"]
    );
    assert_eq!(
        table["Junior"].values().flatten().collect::<Vec<_>>(),
        ["Ships small features"]
    );
    assert_eq!(
        table["Senior"].values().flatten().collect::<Vec<_>>(),
        ["Same as L3", "Leads a team"]
    );
    let (_, junior) = imported.levels().nth(1).unwrap();
    assert!(junior
        .description
        .as_deref()
        .unwrap_or("")
        .contains("Trainee +"));
}

#[test]
fn a_role_s_rights_named_in_chinese_are_its_area_not_a_level() {
    // Davinci's shape: `### 关于 Committers` over `#### 如何成为 Committer` and
    // `#### Committer 的权利` (a Committer's rights): the rights are an area of the role.
    let imported = imported_from(
        "ladder.md",
        "# 贡献\n\n## 贡献进阶\n\n### 关于 Committers\n\n#### Committer 的权利\n\n\
         - 可以对 Issue 进行管理\n- 可以创建分支\n\n### 关于 Committee\n\n#### Committee 成员的权利\n\n\
         - 可以合并 PR\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["关于 Committers", "关于 Committee"]
    );
    assert_eq!(
        entry(&imported, "关于 Committers", "Committer 的权利"),
        ["可以对 Issue 进行管理", "可以创建分支"]
    );
}

#[test]
fn a_defined_by_list_and_an_item_s_later_paragraphs_are_said_about_the_level() {
    // Flux's shape: `**Defined by:**` over the teams that make one a member; an item
    // whose first paragraph is the requirement and whose next paragraph explains it.
    let imported = imported_from(
        "ladder.md",
        "# Roles\n\n## Member\n\nMembers contribute.\n\n**Defined by:**\n\n- Triage role on all repos\n\
         - Membership in the org\n\n**Responsibilities:**\n\n- Review code\n- Commitment to the project. Specifically:\n\n  \
         This can be shown in many ways.\n\n  - Review 10 pull requests\n\n## Maintainer\n\n**Responsibilities:**\n\n- Merge code\n",
    );
    assert_eq!(level_titles(&imported), ["Member", "Maintainer"]);
    assert_eq!(
        entry(&imported, "Member", "Responsibilities"),
        ["Review code", "Commitment to the project. Specifically:"]
    );
    let (_, member) = imported.levels().next().unwrap();
    assert!(member
        .description
        .as_deref()
        .unwrap_or("")
        .contains("Triage role on all repos"));
    let commitment = &member.expectations.values().flatten().nth(1).unwrap();
    assert_eq!(
        commitment.examples,
        ["This can be shown in many ways.", "Review 10 pull requests"]
    );
}

#[test]
fn roles_listed_as_items_of_one_list_are_the_levels() {
    // youki's shape: "Maintainers consist of the following roles:" over items whose first
    // line (ending in a hard break) names the role and whose next lines describe it.
    let imported = imported_from(
        "ladder.md",
        "# Maintainership\n\nYouki is governed by Maintainers.\n\n## Roles\n\nMaintainers consist of the following roles:\n\n\
         - Committer (Full maintainership)  \n    Committers have full write access to repos.\n\n\
         - Reviewer (Limited maintainership)  \n    Reviewers may moderate issues.\n    A Reviewer may become a Committer.\n\n\
         ## Addition and promotion of Maintainers\n\nA proposal must be approved by 2/3 of the Committers.\n",
    );
    assert_eq!(
        level_titles(&imported),
        [
            "Committer (Full maintainership)",
            "Reviewer (Limited maintainership)"
        ]
    );
    let table = table(&imported);
    assert_eq!(
        table["Reviewer (Limited maintainership)"]
            .values()
            .flatten()
            .collect::<Vec<_>>(),
        ["Reviewers may moderate issues. A Reviewer may become a Committer."]
    );
}

#[test]
fn a_sentence_ending_in_a_preposition_and_a_colon_is_completed_by_its_bullets() {
    // Istio's shape: "… maintain the health of the project through:" over its bullets.
    let imported = imported_from(
        "ladder.md",
        "# Roles\n\n## Member\n\n- Has contributions to the project\n\n\
         ## Maintainer\n\n- Expected to maintain the health of the project through:\n  - Reviewing PRs\n  - Fixing bugs\n",
    );
    let table = table(&imported);
    let texts = |level: &str| table[level].values().flatten().cloned().collect::<Vec<_>>();
    assert_eq!(texts("Member"), ["Has contributions to the project"]);
    assert_eq!(texts("Maintainer"), ["Reviewing PRs", "Fixing bugs"]);
}

#[test]
fn a_newcomers_role_that_the_summary_table_counts_is_a_rung() {
    // Kyverno's shape: a summary table whose first row is "New Contributors", then a section
    // per role; without the table, a "New contributors" section is prose about joining.
    let sections = "#### New Contributors\n\nNew Contributors are looking to:\n- Engage with the community\n\n\
         #### Contributors\n\n- Make five contributions\n- Join a meeting\n\n#### Maintainers\n\n- Own an area\n";
    let summary = "| Role | Description | Defined by |\n|---|---|---|\n| New Contributors | Has made initial contributions | N/A |\n\
         | Contributors | Made five contributions | CONTRIBUTORS.md |\n| Maintainers | Owns areas | MAINTAINERS.md |\n\n";
    let with_table = imported_from(
        "ladder.md",
        &format!("# Governance\n\n### Summary of Roles\n\n{summary}{sections}"),
    );
    assert_eq!(
        level_titles(&with_table),
        ["New Contributors", "Contributors", "Maintainers"]
    );
    let without = imported_from("ladder.md", &format!("# Governance\n\n{sections}"));
    assert_eq!(level_titles(&without), ["Contributors", "Maintainers"]);
}

#[test]
fn a_tick_in_a_permissions_matrix_grants_the_row_s_item_a_cross_nothing() {
    // OpenSergo's and FlagOS' shape: rights as rows, roles as columns, `✓` / `×` cells.
    let imported = imported_from(
        "ladder.md",
        "# Roles\n\n| Right | Maintainer | Committer | Contributor |\n|---|---|---|---|\n\
         | Merge to main | ✓ | × | × |\n| Review code | ✓ | ✓ | × |\n| Open issues | ✓ | ✓ | ✓ |\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Maintainer", "Committer", "Contributor"]
    );
    let table = table(&imported);
    let texts = |level: &str| table[level].values().flatten().cloned().collect::<Vec<_>>();
    assert_eq!(
        texts("Maintainer"),
        ["Merge to main", "Review code", "Open issues"]
    );
    assert_eq!(texts("Committer"), ["Review code", "Open issues"]);
    assert_eq!(texts("Contributor"), ["Open issues"]);
}

#[test]
fn promotions_name_the_level_they_lead_to() {
    // TiKV's SIG charters: each promotion a bullet naming the level it leads to, over its
    // criteria; FlagOS-like headings "Member → Reviewer".
    let bullets = imported_from(
        "ladder.md",
        "# SIG 章程\n\n## 工作内容\n\n- 代码范围\n- 测试规范\n\n## 晋升机制\n\n- 考核 & 晋升制度\n\
         \x20 - 决定成员是否可由 Contributor 晋升为 Active Contributor：\n    - 获得至少 2 位 Reviewer 的提名\n\
         \x20 - 决定成员是否可由 Active Contributor 晋升为 Reviewer：\n    - 获得至少 2 位 Committer 的提名\n    - 完成一个重要的 issue\n",
    );
    assert_eq!(level_titles(&bullets), ["Active Contributor", "Reviewer"]);
    let table = table(&bullets);
    assert_eq!(
        table["Reviewer"].values().flatten().collect::<Vec<_>>(),
        ["获得至少 2 位 Committer 的提名", "完成一个重要的 issue"]
    );
    let headings = imported_from(
        "ladder.md",
        "# Roles\n\n## Promotion\n\n### Member → Reviewer\n\n- Five merged PRs\n\n### Reviewer → Approver\n\n\
         - Twenty reviews\n- A sponsor\n",
    );
    assert_eq!(level_titles(&headings), ["Reviewer", "Approver"]);
}

#[test]
fn what_a_later_list_says_of_promoted_levels_by_name_joins_them() {
    // TiKV Scheduling SIG's shape: promotions, then "rights and duties" over `- Reviewer` and
    // `- Committer`, each over its own items, then the rules for leaving (a section, not the
    // last level's).
    let imported = imported_from(
        "charter.md",
        "# SIG charter\n\n## Promotion\n\n- Reviews and promotions\n\
         \x20 - Whether a member is promoted from Contributor to Reviewer:\n    - Two nominations\n\
         \x20 - Whether a member is promoted from Reviewer to Committer:\n    - Three nominations\n\n\
         - Rights and duties\n  - Reviewer\n    - Approve pull requests\n  - Committer\n    - Guide reviewers\n\n\
         - Removal\n  - Members inactive for a quarter leave the SIG\n",
    );
    assert_eq!(level_titles(&imported), ["Reviewer", "Committer"]);
    assert_eq!(
        entry(&imported, "Reviewer", "Rights and duties"),
        ["Approve pull requests"]
    );
    assert_eq!(
        entry(&imported, "Committer", "Rights and duties"),
        ["Guide reviewers"]
    );
    let prose: Vec<&str> = imported.sections.iter().map(|s| s.title.as_str()).collect();
    assert!(prose.contains(&"Removal"), "{prose:?}");
    let everything = format!("{imported:?}");
    assert!(everything.contains("Members inactive for a quarter leave the SIG"));
}

#[test]
fn a_data_file_s_levels_and_areas_keep_the_order_the_file_writes() {
    // The University of Manchester framework's shape: competencies, each with a map of
    // levels that name themselves and list their skills; neither in alphabetical order.
    let imported = imported_from(
        "framework.yaml",
        "domain:\n  name: Outputs\n  competencies:\n    reviews:\n      name: Reviews\n      levels:\n\
         \x20       novice:\n          name: Novice\n          skills:\n          - Knows the rules\n\
         \x20       practitioner:\n          name: Practitioner\n          skills:\n          - Applies the rules\n\
         \x20       expert:\n          name: Expert\n          skills:\n          - Writes the rules\n\
         \x20   automation:\n      name: Automation\n      levels:\n        novice:\n          name: Novice\n\
         \x20         skills:\n          - Knows the tools\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Novice", "Practitioner", "Expert"]
    );
    let areas: Vec<&str> = imported
        .areas
        .iter()
        .map(|area| area.name.as_str())
        .collect();
    assert_eq!(areas, ["Reviews", "Automation"]);
    assert_eq!(entry(&imported, "Expert", "Reviews"), ["Writes the rules"]);
}

#[test]
fn a_table_per_area_with_levels_as_rows_in_japanese() {
    // The DBRE matrix's shape: `## 1. Area` (a section number, no level), a sentence, then
    // `| Level | 期待される行動・スキル |` with `**E1**` rows and `<br>・` items in the cell.
    let imported = imported_from(
        "matrix.md",
        "# DBRE Competency Matrix\n\n## 1. Technical Know-How (DB設計)\n\nDBREとしての技術力です。\n\n\
         | Level | 期待される行動・スキル |\n| --- | --- |\n\
         | **E1** | ・RDBMSの基本的なアーキテクチャを理解している。<br>・レビュアーの指導のもと、小規模なDDL変更を実施できる。 |\n\
         | **E2** | ・インデックスの仕組みを理解し、クエリチューニングができる。 |\n\n\
         ## 2. Reliability & Operations (信頼性)\n\nSREの文脈における貢献度です。\n\n\
         | Level | 期待される行動・スキル |\n| --- | --- |\n\
         | **E1** | ・アラート発生時に一次対応ができる。 |\n| **E2** | ・トイルを削減できる。 |\n",
    );
    assert_eq!(level_titles(&imported), ["E1", "E2"]);
    let areas: Vec<&str> = imported
        .areas
        .iter()
        .map(|area| area.name.as_str())
        .collect();
    assert_eq!(areas, ["Technical Know-How", "Reliability and Operations"]);
    assert_eq!(
        entry(&imported, "E1", "Technical Know-How"),
        [
            "RDBMSの基本的なアーキテクチャを理解している。",
            "レビュアーの指導のもと、小規模なDDL変更を実施できる。"
        ]
    );
    assert_eq!(
        entry(&imported, "E2", "Reliability and Operations"),
        ["トイルを削減できる。"]
    );
}

#[test]
fn roles_listed_as_bold_labels_in_spanish_are_the_levels() {
    // Quo.js' shape: `## Roles` over `- **Colaboradores/as**: …` bullets, a paragraph after
    // the list, then sections of process and expectations.
    let imported = imported_from(
        "gobernanza.md",
        "# Gobernanza\n\nEste documento explica cómo se toman las decisiones.\n\n## Roles\n\n\
         - **Colaboradores/as**: Cualquier persona que envía PRs.  \n- **Mantenedores/as**: Personas con permisos de merge.  \n\
         - **Mantenedor/a Líder**: Coordina la hoja de ruta.\n\nLa lista de mantenedores/as se mantiene en MAINTAINERS.md.\n\n\
         ## Toma de decisiones\n\n1. Propón el cambio vía PR.\n2. Mantén una ventana de discusión.\n\n\
         ## RFCs\n\n- Cambies APIs públicas.\n- Propongas nuevos paquetes.\n\n### Plantilla\n\n- Motivación\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Colaboradores/as", "Mantenedores/as", "Mantenedor/a Líder"]
    );
    let table = table(&imported);
    assert_eq!(
        table["Mantenedor/a Líder"]
            .values()
            .flatten()
            .collect::<Vec<_>>(),
        ["Coordina la hoja de ruta."]
    );
}

#[test]
fn a_role_s_list_after_a_paragraph_that_mentions_nomination_is_its_responsibilities() {
    // Yellowbrick's shape: "… If the coordinator is nominated from the maintainers, … The
    // coordinator's primary responsibilities are as follows:" over the list; "Advisor" is a
    // role at the end of the roles.
    let imported = imported_from(
        "governance.md",
        "# Governance\n\n## Roles\n\n### Maintainer\n\nMaintainers review.\n\n- Review pull requests\n\n\
         ### Coordinator\n\nThe coordinator may be nominated from the maintainers. The coordinator's primary \
         responsibilities are as follows:\n\n- Assign pull requests\n- Coach contributors\n\n### Advisor\n\n\
         Advisors decide. Their responsibilities are as follows:\n\n- Approve the release\n\n## Operations\n\nWe release each semester.\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Maintainer", "Coordinator", "Advisor"]
    );
    let table = table(&imported);
    assert_eq!(
        table["Coordinator"].values().flatten().collect::<Vec<_>>(),
        ["Assign pull requests", "Coach contributors"]
    );
}

#[test]
fn what_a_candidate_must_show_under_becoming_is_expected_the_steps_of_applying_are_not() {
    // cert-manager's shape: `### Becoming an Approver` with a paragraph of requirements and
    // one of steps, beside `### Approver Responsibilities`.
    let imported = imported_from(
        "governance.md",
        "# Governance\n\n## Reviewer\n\n### Becoming a Reviewer\n\nYou must have reviewed 5 PRs.\n\n\
         Then, create a PR to add your name to the OWNERS file.\n\n### Reviewer Responsibilities\n\n- Review PRs\n\n\
         ## Approver\n\n### Becoming an Approver\n\nAnyone who reviewed 20 PRs can become an approver.\n\n\
         ### Approver Responsibilities\n\n- Merge PRs\n",
    );
    assert_eq!(level_titles(&imported), ["Reviewer", "Approver"]);
    let table = table(&imported);
    let reviewer: Vec<&String> = table["Reviewer"].values().flatten().collect();
    assert!(reviewer.contains(&&"You must have reviewed 5 PRs.".to_owned()));
    assert!(!reviewer
        .iter()
        .any(|text| text.starts_with("Then, create a PR")));
    let approver: Vec<&String> = table["Approver"].values().flatten().collect();
    assert!(approver.contains(&&"Anyone who reviewed 20 PRs can become an approver.".to_owned()));
    let (_, reviewer_level) = imported.levels().next().unwrap();
    assert!(reviewer_level
        .description
        .as_deref()
        .unwrap_or("")
        .contains("Then, create a PR"));
}

#[test]
fn labelled_requirements_and_a_code_bullet_name_areas_and_how_to_become_says_what_is_expected() {
    // OpenFGA's shape: "**Requirements:**" over a list most of whose items are
    // `**Label:** text`; "* **Code**: Submitting pull requests …" (no level code); a
    // "**How to become a Member:**" paragraph on what a candidate has shown.
    let imported = imported_from(
        "ladder.md",
        "# Ladder\n\n## Roles\n\n### Contributor\n\nContributions can take many forms, including:\n\
         * **Code**: Submitting pull requests for bug fixes.\n* **Documentation**: Improving the docs.\n\n\
         ### Member\n\n**How to become a Member:**\nMembers are invited after demonstrating valuable contributions.\n\n\
         **Requirements:**\n* Must be a community Member.\n* **Sustained Contributions:** A long history of contributions.\n\
         * **Community Trust:** Demonstrated ability to work collaboratively.\n",
    );
    assert_eq!(level_titles(&imported), ["Contributor", "Member"]);
    let (_, contributor) = imported.levels().next().unwrap();
    assert_eq!(contributor.code, None);
    assert_eq!(
        entry(&imported, "Contributor", "Code"),
        ["Submitting pull requests for bug fixes."]
    );
    assert_eq!(
        entry(&imported, "Member", "Sustained Contributions"),
        ["A long history of contributions."]
    );
    assert_eq!(
        entry(&imported, "Member", "Requirements"),
        ["Must be a community Member."]
    );
    assert_eq!(
        entry(&imported, "Member", "How to become a Member"),
        ["Members are invited after demonstrating valuable contributions."]
    );
}

#[test]
fn a_table_of_the_people_in_a_role_is_no_table_of_levels() {
    // Crossplane's steering committee: its members in a table (avatars, profile links,
    // addresses, terms) under the role's section.
    let imported = imported_from(
        "governance.md",
        "# Governance\n\n## Steering Committee\n\nThe committee sets the direction.\n\n\
         ### Responsibilities\n\n- Set the roadmap\n- Approve releases\n\n\
         ### Steering Committee\n\nThe members are listed below.\n\n| | Member | Email | Term End |\n|---|---|---|---|\n\
         | <img src=\"https://github.com/ana.png\"> | [Ana Lima](https://github.com/ana) | ana@example.org | 2027-02-06 |\n\
         | <img src=\"https://github.com/bo.png\"> | [Bo Chen](https://github.com/bochen) | bo@example.org | 2028-02-06 |\n\n\
         ## Maintainers\n\nMaintainers own a repository.\n\n### Responsibilities\n\n- Review pull requests\n- Cut releases\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Steering Committee", "Maintainers"]
    );
    assert_eq!(
        table(&imported)["Steering Committee"]
            .values()
            .flatten()
            .collect::<Vec<_>>(),
        ["Set the roadmap", "Approve releases"]
    );
    assert!(format!("{imported:?}").contains("Bo Chen"));
}

#[test]
fn an_asciidoc_page_of_roles_reads_like_its_markdown() {
    // Spring Cloud Alibaba's shape: `===` groups, `====` roles over `*` criteria, and the
    // members' tables (`|===`, a cell a line, handles and addresses) that are no levels.
    let imported = imported_from(
        "roles.adoc",
        "= Community\n:toc:\n\n=== 开发角色\n项目开发者包含两种角色。\n\n==== Committer\nCommitter是具有写权限的个人，包含以下的标准：\n\n\
         * 能够持续贡献 issue、PR；\n* 参与 *code review*；\n\n==== Contributor\nContributor是对项目有贡献的个人，标准为：\n\n\
         * 提交过PR并被合并；\n\n=== 开发团队\n\n==== Committer成员：\n\n[cols=\"1,1,1\"]\n|===\n|姓名 |Github账号 |联系方式\n\n\
         |方剑\n|fangjian0423\n|fangjian0423@gmail.com\n\n|肖京\n|flystar32\n|flystar32@163.com\n|===\n",
    );
    assert_eq!(level_titles(&imported), ["Committer", "Contributor"]);
    assert_eq!(
        table(&imported)["Committer"]
            .values()
            .flatten()
            .collect::<Vec<_>>(),
        ["能够持续贡献 issue、PR；", "参与 **code review**；"]
    );
    assert_eq!(imported.language.as_deref(), Some("zh"));
    assert!(format!("{imported:?}").contains("flystar32@163.com"));
}

#[test]
fn where_one_table_names_the_roles_a_table_naming_none_is_prose() {
    // NotionNext's governance: a table of principles ("目标 | 做法") and one of the roles
    // ("角色 | 如何获得 | 典型权限"); only the second holds levels.
    let imported = imported_from(
        "governance.md",
        "# 项目治理\n\n## 低负担与合规原则\n\n| 目标 | 做法 |\n| --- | --- |\n| **减少打扰** | Issue 不默认 assign |\n| **机器守门** | PR 必过 CI |\n\n\
         ## 角色与权限\n\n| 角色 | 如何获得 | 典型权限 |\n| --- | --- | --- |\n| **使用者** | 部署站点即可 | 阅读文档 |\n\
         | **Contributor** | 任意被合并的 PR | 出现在贡献者列表 |\n| **Maintainer** | 现有维护者认可 | 合并 PR |\n\n\
         ## 合并与 main 分支\n\n- 合并前需通过 CI。\n- 至少一位维护者批准。\n\n## GitHub 设置清单（Org Admin）\n\n- 开启分支保护\n- 配置 Secrets\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["使用者", "Contributor", "Maintainer"]
    );
    assert_eq!(entry(&imported, "Maintainer", "典型权限"), ["合并 PR"]);
    let everything = format!("{imported:?}");
    assert!(everything.contains("PR 必过 CI"));
    assert!(everything.contains("开启分支保护"));
}

#[test]
fn a_definition_list_of_roles_in_restructuredtext_titles_the_levels() {
    // tedana's governance: the roles are the terms of a definition list, their members grid
    // tables, and one term lists kinds of leaders as line blocks ("Communications leader: …").
    let imported = imported_from(
        "governance.rst",
        "Governance\n==========\n\nOverview\n--------\n\nWe developed this system with goals:\n\n- Grow the community.\n\
         - Strive for consensus.\n- Minimize the burden.\n\nLeadership\n----------\n\nContributor\n  A contributor has made a contribution.\n\
         \n\nMaintainer\n  A Maintainer is responsible for the long term health of the project.\n\n  Current Maintainers:\n\n\
         \x20 +-------------------------+\n  | `Ann Lee`_ (@annlee)    |\n  +-------------------------+\n  | `Bo Chen`_ (@bochen)    |\n\
         \x20 +-------------------------+\n\nFocused Leadership Roles\n  Roles for key responsibilities.\n\n\
         \x20 - | Communications leader: `Bo Chen`_\n    |   Mailing list manager and outward communication\n\
         \x20 - | Multi-echo support leader: `Ann Lee`_\n    |   Monitors places where people ask questions\n\
         \x20     and finds someone to answer them\n\n.. _Ann Lee: https://github.com/annlee\n.. _Bo Chen: https://github.com/bochen\n",
    );
    assert_eq!(level_titles(&imported)[..2], ["Contributor", "Maintainer"]);
    let everything = format!("{imported:?}");
    assert!(everything.contains("and finds someone to answer them"));
    assert!(!everything.contains("+---"), "{everything}");
    assert!(!everything.contains(".. _"), "{everything}");
}

#[test]
fn one_role_listing_kinds_of_leaders_does_not_make_the_roles_a_ladder_read_too_deep() {
    // Beside roles that hold prose, one role lists kinds of leaders ("Communications leader:
    // …" over what they do): those items look like levels, but the ladder is not read one
    // heading too deep — the page's title is no level over the roles.
    let imported = imported_from(
        "governance.md",
        "# Governance\n\nGovernance matters to a project of volunteers.\n\n## Overview\n\nWe developed this system with goals in mind:\n\n\
         - Grow the community.\n- Strive for consensus.\n- Minimize the administrative burden.\n- Maximize the bus factor of the project.\n\n\
         ## Leadership\n\n### Contributor\n\nA contributor is someone who has made a contribution to the project, in code or documentation.\n\n\
         ### Maintainer\n\nA maintainer is responsible for the long term health of the project and the community.\n\n\
         ### Focused leadership roles\n\nRoles for key responsibilities.\n\n- Communications leader: Bo Chen\n  - Mailing list manager\n\
         - Support leader: Ann Lee\n  - Monitors places where people ask questions\n  - Finds someone to answer them\n\
         - New contributors leader: Cy Park\n  - Leads efforts to make documentation welcoming\n\n\
         ### Changing leaders\n\nAny leader can remove themselves from a role at any time.\n\n\
         Once per year, there should be an explicit call to the community.\n",
    );
    let titles = level_titles(&imported);
    assert_eq!(titles[..2], ["Contributor", "Maintainer"]);
    assert!(!titles.contains(&"Governance"), "{titles:?}");
    assert!(format!("{imported:?}").contains("Leads efforts to make documentation welcoming"));
}

#[test]
fn a_data_list_of_roles_reads_each_duty_and_its_details_with_html_as_markdown() {
    // Astropy's roles.json: `role` names the level, `responsibilities` holds texts, or
    // lead-ins ("…, including:") over their `details`, with links written in HTML; `people`
    // is the roster.
    let imported = imported_from(
        "roles.json",
        r#"[
  {"role": "Release manager", "people": ["Ann Lee"],
   "responsibilities": [
     "Cut the <i>release</i> branch",
     {"description": "Coordinate the release, including:",
      "details": ["Announce it on <a href='https://lists.example/dev'>the list</a>", "Update the changelog"]}
   ]},
  {"role": "Ombudsperson", "people": ["Bo Chen"],
   "responsibilities": {"description": "Provide a point of contact, including:",
                        "details": ["Monitor the confidential inbox"]}}
]"#,
    );
    assert_eq!(level_titles(&imported), ["Release manager", "Ombudsperson"]);
    let texts: Vec<String> = table(&imported)["Release manager"]
        .values()
        .flatten()
        .cloned()
        .collect();
    assert_eq!(
        texts,
        [
            "Cut the *release* branch",
            "Announce it on [the list](https://lists.example/dev)",
            "Update the changelog"
        ]
    );
    assert_eq!(
        table(&imported)["Ombudsperson"]
            .values()
            .flatten()
            .collect::<Vec<_>>(),
        ["Monitor the confidential inbox"]
    );
    // The lead-ins describe their levels.
    assert!(format!("{imported:?}").contains("Coordinate the release, including:"));
}

#[test]
fn a_section_on_former_maintainers_between_roles_is_prose() {
    // containerd: "Emeritus maintainers" (what former maintainers may still do) sits between
    // the roles, not after them.
    let imported = imported_from(
        "governance.md",
        "# Governance\n\n## Reviewers\n\n- Review pull requests.\n- Triage issues.\n\n## Committers\n\n- Merge pull requests.\n\
         - Cut releases.\n\n## Emeritus maintainers\n\n- Keep their name in the project's history.\n- May return on request.\n\n\
         ## Security advisors\n\n- Review security reports.\n- Advise on fixes.\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Reviewers", "Committers", "Security advisors"]
    );
    assert!(format!("{imported:?}").contains("May return on request."));
}

#[test]
fn an_html_list_of_profile_links_is_a_roster_and_the_role_keeps_its_paragraphs() {
    // ggplot2's governance (pkgdown HTML): a role in paragraphs, then "The core developers
    // are:" over a list of links to people's profiles.
    let imported = imported_from(
        "governance.html",
        "<html><body><main><h1>Governance</h1>\
         <h2>Contributors</h2><p>Anyone can contribute through issues and pull requests.</p>\
         <h2>Core developers</h2><p>Core developers review pull requests.</p>\
         <p>Core developers are recruited from <b>contributors</b>.</p><p>The core developers are:</p>\
         <ul><li><a href=\"https://github.com/wch\">Winston Chang</a></li>\
         <li><a href=\"https://github.com/lionel-\">Lionel Henry</a></li></ul>\
         <p>All core developers are bound by the code of conduct.</p>\
         <h2>Project lead</h2><p>The project lead sets the strategic objectives.</p></main></body></html>",
    );
    assert_eq!(
        level_titles(&imported),
        ["Contributors", "Core developers", "Project lead"]
    );
    let core: Vec<String> = table(&imported)["Core developers"]
        .values()
        .flatten()
        .cloned()
        .collect();
    assert!(
        core.contains(&"Core developers are recruited from **contributors**.".to_owned()),
        "{core:?}"
    );
    assert!(
        !core.iter().any(|text| text.contains("Winston")),
        "{core:?}"
    );
    assert!(format!("{imported:?}").contains("https://github.com/wch"));
}

#[test]
fn a_heading_that_asks_without_a_question_mark_is_no_level() {
    // The Rust compiler team: "What it means to be a compiler member" between the roles.
    let imported = imported_from(
        "membership.md",
        "# Membership\n\n## Compiler team member\n\n- Review pull requests.\n- Take part in design meetings.\n\n\
         ## What it means to be a compiler member\n\n- You join a private stream.\n- You are subscribed to the repository.\n\n\
         ## Maintainers\n\n- Approve pull requests.\n- Lead a working area.\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Compiler team member", "Maintainers"]
    );
    assert!(format!("{imported:?}").contains("You join a private stream."));
}

#[test]
fn the_stages_of_a_decision_making_section_are_no_levels() {
    // sktime: roles under "Roles", then "Decision making" with "Stage 1: lazy consensus",
    // "Stage 2: voting", "Stage 3: conflict resolution" at the roles' depth.
    let imported = imported_from(
        "governance.md",
        "# Governance\n\n## Roles\n\n### Contributors\n\n- Open issues.\n- Send pull requests.\n\n### Core developers\n\n\
         - Review pull requests.\n- Vote on proposals.\n\n### Council members\n\n- Resolve conflicts.\n- Set the roadmap.\n\n\
         ## Decision making\n\n### Stage 1: lazy consensus\n\n- A proposal passes without objection.\n- Anyone may veto.\n\n\
         ### Stage 2: voting\n\n- Core developers vote.\n- Two thirds win.\n\n### Stage 3: conflict resolution\n\n- The council decides.\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Contributors", "Core developers", "Council members"]
    );
    assert!(format!("{imported:?}").contains("Two thirds win."));
}

#[test]
fn plain_labels_over_nested_bullets_name_areas_under_an_area_heading() {
    // Altive's roles (Japanese): a grade table under "Grade", then a section per role whose
    // "### 要件" lists names without colons ("開発スキル") over what they expect.
    let imported = imported_from(
        "roles.md",
        "## Grade\n\n| Grade | Role |\n| --- | --- |\n| 5 | Junior Software Engineer |\n| 6 | Senior Software Engineer |\n\n\
         ## Junior Software Engineer\n\nJunior Software Engineerは、小規模な課題を1人で解決できるエンジニアです。\n\n### 要件\n\n\
         - 開発スキル\n  - テストコードを書くことができる\n  - Gitを1人で扱える\n- 教育\n  - 下位ロールメンバーのメンターを担うことができる\n\n\
         ### 責任\n\n- 次のロールを目指しましょう\n\n## Senior Software Engineer\n\nチームを技術面でリードするエンジニアです。\n\n### 要件\n\n\
         - 開発スキル\n  - 設計をレビューできる\n- 教育\n  - チームの育成を担うことができる\n\n### 責任\n\n- チームの成果に責任を持つ\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Junior Software Engineer", "Senior Software Engineer"]
    );
    assert_eq!(
        entry(&imported, "Junior Software Engineer", "開発スキル"),
        ["テストコードを書くことができる", "Gitを1人で扱える"]
    );
    assert_eq!(
        entry(&imported, "Senior Software Engineer", "教育"),
        ["チームの育成を担うことができる"]
    );
    assert_eq!(imported.language.as_deref(), Some("ja"));
}

#[test]
fn a_roles_current_members_and_its_meetings_are_not_its_expectations() {
    // OpenEXR: the steering committee's "Current TSC Members" (names and companies) and "TSC
    // Meetings" (when and how it meets) beside what it does.
    let imported = imported_from(
        "governance.md",
        "# Governance\n\n## Committers\n\n### Responsibilities\n\n- Review pull requests.\n- Keep the build green.\n\n\
         ## Technical Steering Committee\n\n### Responsibilities\n\n- Set the technical direction.\n- Approve releases.\n\n\
         ### Current TSC Members\n\n- Cary Phillips (chair) - Industrial Light & Magic\n- Rod Bogart - Epic Games\n\n\
         ### TSC Meetings\n\nAll meetings of the TSC are open to the community.\n\nThe chair shares the agenda before each meeting.\n",
    );
    assert_eq!(
        level_titles(&imported),
        ["Committers", "Technical Steering Committee"]
    );
    let tsc: Vec<String> = table(&imported)["Technical Steering Committee"]
        .values()
        .flatten()
        .cloned()
        .collect();
    assert_eq!(tsc, ["Set the technical direction.", "Approve releases."]);
    let everything = format!("{imported:?}");
    assert!(everything.contains("Rod Bogart - Epic Games"));
    assert!(everything.contains("The chair shares the agenda before each meeting."));
}

#[test]
fn a_managers_meetings_area_keeps_its_expectations() {
    // Socialbakers' engineering manager: "Meetings" is a competency of the role, not the
    // procedure of a body ("TSC Meetings").
    let imported = imported_from(
        "manager.md",
        "# Engineering Manager\n\n## People\n\n- Hold regular one-on-ones.\n- Grow the team.\n\n## Meetings\n\n\
         - Guide effectiveness of team meetings.\n- Ensure actions are captured.\n",
    );
    let texts: Vec<String> = table(&imported)
        .values()
        .flat_map(|areas| areas.values().flatten().cloned())
        .collect();
    assert!(
        texts.contains(&"Guide effectiveness of team meetings.".to_owned()),
        "{texts:?}"
    );
}

#[test]
fn designers_then_design_managers_in_one_list_are_two_tracks() {
    // BuzzFeed's product design roles: five designer levels, then four managers', each a `##`
    // with no heading between the two ladders; a `*` after an area marks it as required.
    let level = |title: &str, area: &str| {
        format!("## {title}\n\n### {area}*\n\n{title} does the work of the level.\n\n### Culture\n\nShares work early.\n\n")
    };
    let mut document = String::from("# Product Design Roles\n\n");
    for title in [
        "Associate Product Designer",
        "Product Designer",
        "Senior Product Designer",
    ] {
        document.push_str(&level(title, "Visual Design"));
    }
    for title in ["Product Design Manager", "Product Design Director"] {
        document.push_str(&level(title, "Leadership"));
    }
    let imported = imported_from("roles.md", &document);
    assert_eq!(
        track_sizes(&imported),
        [
            ("Product Design Roles".to_owned(), 3),
            ("Product Design Manager".to_owned(), 2)
        ]
    );
    assert_eq!(imported.tracks[1].kind, ladder::model::TrackKind::Manager);
    let areas: Vec<&str> = imported
        .areas
        .iter()
        .map(|area| area.name.as_str())
        .collect();
    assert!(areas.contains(&"Visual Design"), "{areas:?}");
    assert!(!areas.iter().any(|area| area.ends_with('*')), "{areas:?}");
}

#[test]
fn a_label_every_level_opens_with_and_a_one_word_list_name_name_areas() {
    // FlowFuse's levels: "Scope: …" opens each level, "Demonstrates:" names the list after it;
    // "Committers:" over "- Are expected to …" names the list's subject, not an area.
    let imported = imported_from(
        "levels.md",
        "# Engineering Levels\n\n## Levels\n\n### Level 1 - Guided Contributor\n\nScope: Well-defined tasks within a team.\n\n\
         Demonstrates:\n\n- Delivers assigned work reliably\n- Engages constructively in feedback\n\n\
         ### Level 2 - Independent Owner\n\nScope: Features or services.\n\nDemonstrates:\n\n- Scopes moderately complex work\n\
         - Improves local system quality\n\n### Level 3 - Committers\n\nCommitters:\n\n- Are expected to review pull requests.\n\
         - Are expected to triage issues.\n",
    );
    assert_eq!(
        entry(&imported, "Level 1 - Guided Contributor", "Scope"),
        ["Well-defined tasks within a team."]
    );
    assert_eq!(
        entry(&imported, "Level 2 - Independent Owner", "Demonstrates"),
        [
            "Scopes moderately complex work",
            "Improves local system quality"
        ]
    );
    let areas: Vec<&str> = imported
        .areas
        .iter()
        .map(|area| area.name.as_str())
        .collect();
    assert!(!areas.contains(&"Committers"), "{areas:?}");
}

#[test]
fn the_steps_of_a_performance_review_section_are_no_levels() {
    // FlowFuse: "## Performance and Reviews" after the levels, its "### Mid-Quarter Check-Ins"
    // and "### Quarterly Reviews" at the levels' depth.
    let imported = imported_from(
        "levels.md",
        "# Engineering Levels\n\n## Levels\n\n### Level 1 - Guided Contributor\n\n- Delivers assigned work.\n- Asks for help.\n\n\
         ### Level 2 - Independent Owner\n\n- Scopes complex work.\n- Improves quality.\n\n## Performance and Reviews\n\n\
         ### Mid-Quarter Check-Ins\n\n- A short conversation with the manager.\n\n### Quarterly Reviews\n\n- A written review.\n- Goals for the next quarter.\n",
    );
    assert_eq!(
        level_titles(&imported),
        [
            "Level 1 - Guided Contributor",
            "Level 2 - Independent Owner"
        ]
    );
    assert!(format!("{imported:?}").contains("A short conversation with the manager."));
}

#[test]
fn a_data_export_s_field_row_heads_its_table_and_a_none_row_is_no_rung() {
    // `name,description,level,…` as exported: the field names head the table, each row a
    // level; the scale's "None or N/A" row is the absence of a rung.
    let csv = "name,description,level,short_description\n\
               Expert,\"Technical: leads the field.\nNon-technical: mentors others.\",4,Recognised authority\n\
               Practitioner,\"Technical: applies the skill.\",3,Competent practitioner\n\
               Working,\"Technical: needs guidance.\",2,Emerging ability\n\
               None or N/A,\"No ability demonstrated.\",0,Not applicable\n";
    let imported = imported_from("scale.csv", csv);
    assert_eq!(
        level_titles(&imported),
        ["Expert", "Practitioner", "Working"]
    );
}

#[test]
fn data_whose_rungs_are_numbered_keys_under_each_competency() {
    // `{title, level1: [{effective, ineffective}], level2: …}` per competency: the numbered
    // keys are the levels, the effective behaviours their expectations, the ineffective ones
    // said about the level (kept, not expected).
    let json = r#"{"title": "Competency Framework", "competencies": {"people": [{
        "building-capability": [{"title": "Building Capability", "description": "About learning.",
            "level1": [{"effective": "Identify own skill gaps", "ineffective": "Rely on others"}],
            "level2": [{"effective": "Coach others", "ineffective": "Ignore feedback"},
                       {"effective": "Share learning", "ineffective": "Hoard knowledge"}]}],
        "collaborating": [{"title": "Collaborating",
            "level1": [{"effective": "Be approachable", "ineffective": "Work alone"}],
            "level2": [{"effective": "Build networks", "ineffective": "Stay in silos"}]}],
        "title": "People Cluster"}]}}"#;
    let imported = imported_from("framework.json", json);
    assert_eq!(level_titles(&imported), ["level1", "level2"]);
    assert_eq!(
        entry(&imported, "level2", "Building Capability"),
        ["Coach others", "Share learning"]
    );
    let level2 = imported.levels().map(|(_, level)| level).nth(1).unwrap();
    let description = level2.description.as_deref().unwrap_or_default();
    assert!(description.contains("Hoard knowledge"), "{description}");
}

#[test]
fn data_records_that_name_their_level_under_a_key_of_their_own() {
    // A site's skills keyed by id, each naming its competency and, under `expectation`, its
    // level by a short key shared with other records: the shared key is the level, the
    // competency the area (not nine levels named by competency).
    let ts = r#"export const Skills: Record<UUID, Skill> = {
  "a1": { competency: "problemSolving", expectation: "beginner", id: "a1",
    description: "You break a task into steps." },
  "a2": { competency: "problemSolving", expectation: "beginner", id: "a2",
    description: "You ask for help when stuck." },
  "a3": { competency: "leadership", expectation: "beginner", id: "a3",
    description: "You own your tasks." },
  "a4": { competency: "problemSolving", expectation: "advanced", id: "a4",
    description: "You solve ambiguous problems." },
  "a5": { competency: "leadership", expectation: "advanced", id: "a5",
    description: "You lead a project." },
  "a6": { competency: "leadership", expectation: "advanced", id: "a6",
    description: "You mentor others." },
};"#;
    let imported = imported_from("skills.ts", ts);
    assert_eq!(level_titles(&imported), ["beginner", "advanced"]);
    assert_eq!(
        entry(&imported, "advanced", "leadership"),
        ["You lead a project.", "You mentor others."]
    );
    assert_eq!(
        entry(&imported, "beginner", "problemSolving"),
        [
            "You break a task into steps.",
            "You ask for help when stuck."
        ]
    );
}

#[test]
fn a_sheet_s_label_columns_before_its_levels_group_name_and_describe_each_row() {
    // `Category | Parameter | Description | <levels>`: the category groups the rows, the
    // parameter names the area, the description says what the area is (not a level); the
    // rows of a category of what goes wrong ("Potential Misalignments") are said about each
    // level, not expected of it.
    let csv = "Category,Parameter,Description,Junior PM,Senior PM\n\
               Impact,Leadership,\"How you lead and influence others toward shared goals.\",Owns tasks.,Leads teams.\n\
               Impact,Time Horizon,\"The time scale at which you plan and deliver outcomes.\",Plans weeks.,Plans quarters.\n\
               Potential Misalignments,Ownership,\"Risk of under- or over-owning outcomes.\",May wait for direction.,May over-own.\n";
    let imported = imported_from("ladder.csv", csv);
    assert_eq!(level_titles(&imported), ["Junior PM", "Senior PM"]);
    assert_eq!(
        entry(&imported, "Senior PM", "Leadership"),
        ["Leads teams."]
    );
    assert_eq!(
        entry(&imported, "Junior PM", "Time Horizon"),
        ["Plans weeks."]
    );
    let names: Vec<&str> = imported
        .areas
        .iter()
        .map(|area| area.name.as_str())
        .collect();
    assert_eq!(names, ["Leadership", "Time Horizon"]);
    let leadership = imported.areas[0].description.as_deref().unwrap_or_default();
    assert!(leadership.contains("Impact"), "{leadership}");
    assert!(leadership.contains("toward shared goals"), "{leadership}");
    let (_, junior) = imported.levels().next().unwrap();
    let said = junior.description.as_deref().unwrap_or_default();
    assert!(said.contains("May wait for direction."), "{said}");
}

#[test]
fn data_maps_keyed_by_rung_numbers_under_a_skill_are_its_levels() {
    // One skill with `level_descriptions: {0: …, 1: …}` and `behavioral_indicators: {1: […]}`
    // beside `levels:`, a map of roles to the rung expected at each stage (numbers and `NC`):
    // the numbered keys are the levels; the role map is no level and no text.
    let yaml = "skills:\n  - id: viz\n    name: \"Design de dashboards\"\n    levels:\n      \
                data_analyst: [1, 2]\n      backend: [NC, 1]\n    level_descriptions:\n      \
                0: \"Aucune connaissance en visualisation\"\n      1: \"Je crée des graphiques simples\"\n      \
                2: \"Je conçois des tableaux de bord clairs\"\n    behavioral_indicators:\n      \
                1:\n        - \"Je sais choisir un graphique\"\n      2:\n        - \"Je place les indicateurs en haut\"\n";
    let imported = imported_from("skill.yaml", yaml);
    assert_eq!(level_titles(&imported), ["Level 0", "Level 1", "Level 2"]);
    assert_eq!(
        entry(&imported, "Level 2", "Design de dashboards"),
        [
            "Je conçois des tableaux de bord clairs",
            "Je place les indicateurs en haut"
        ]
    );
    assert_eq!(imported.language.as_deref(), Some("fr"));
}

#[test]
fn a_heading_read_as_a_level_over_a_table_of_levels_names_the_table_s_track() {
    // `#### Engineer Titles` and `#### Manager Titles` at the depth of the levels, each over
    // a table with a row per title: two tracks named by the headings, no level of that name.
    let text = "# Career framework\n\n## Titles\n\n#### Engineer Titles\n\n\
                | Title | Scope | Contributions |\n| --- | --- | --- |\n\
                | Engineer | Their project. | Breaks down tasks. |\n\
                | Senior Engineer | Their squad. | Guides others. |\n\
                | Staff Engineer | Two squads. | Leads designs. |\n\n\
                #### Manager Titles\n\n\
                | Title | Scope | Contributions |\n| --- | --- | --- |\n\
                | Engineering Manager | Their squad. | Manages work. |\n\
                | Director | Many squads. | Plans resources. |\n";
    let imported = imported_from("titles.md", text);
    let tracks: Vec<&str> = imported
        .tracks
        .iter()
        .map(|track| track.name.as_str())
        .collect();
    assert_eq!(tracks, ["Engineer Titles", "Manager Titles"]);
    assert_eq!(
        level_titles(&imported),
        [
            "Engineer",
            "Senior Engineer",
            "Staff Engineer",
            "Engineering Manager",
            "Director"
        ]
    );
}

#[test]
fn a_heading_over_a_lead_in_and_a_table_of_roles_names_the_table_s_track() {
    // Microcks's governance: `## Maintainers, Code Owners, Contributors and Adopters`, a
    // paragraph leading into a table (`| Level | Role | Responsibilities |`): one track of the
    // table's roles, named by the heading, the paragraph kept as its prose; no level of the heading.
    let text = "# Governance\n\n## Principles\n\nWe are open.\n\n\
                ## Maintainers, Code Owners and Contributors\n\
                The project has three roles. All members operate in one of them:\n\n\
                | Level | Role | Responsibilities |\n| --- | --- | --- |\n\
                | 1 | **Maintainer** | Votes and merges. |\n\
                | 2 | **Code Owner** | Owns a domain. |\n\
                | 3 | **Contributor** | Contributes code. |\n\n\
                ## Code of Conduct\n\nBe kind.\n";
    let imported = imported_from("governance.md", text);
    let tracks: Vec<&str> = imported
        .tracks
        .iter()
        .map(|track| track.name.as_str())
        .collect();
    assert_eq!(tracks, ["Maintainers, Code Owners and Contributors"]);
    assert!(imported.sections.iter().any(|section| {
        section.title == "Maintainers, Code Owners and Contributors"
            && section.body == "The project has three roles. All members operate in one of them:"
    }));
    assert_eq!(
        level_titles(&imported),
        ["Maintainer", "Code Owner", "Contributor"]
    );
}

#[test]
fn the_way_to_a_role_written_after_it_at_its_depth_is_one_of_its_areas() {
    // DAO Masons' membership rules (a Docusaurus `.md` page importing a component): `###
    // Contributor` with `#### How to Become a Contributor` inside it, then `### Core Member`
    // and, beside it, `### Promotion: Becoming a Core Member` over a lead-in and steps. The
    // steps are the Core Member's, in an area of that name; the lead-in is kept; the page's
    // `import` line is no text.
    let text = "# Membership Rules\n\n\
                import Draft from '@site/docs/partials/_draft.md';\n\n<Draft />\n\n\
                ### Contributor\n\nContributors build projects.\n\n\
                - Contributors can work on any project.\n- Contributors cannot lead projects.\n\n\
                #### How to Become a Contributor\n\n1. Join our Discord.\n1. Show past work.\n\n\
                ### Core Member\n\nCore Members govern.\n\n\
                - Core Members gather feedback.\n- Core Members vote on proposals.\n\n\
                ### Promotion: Becoming a Core Member\n\n\
                In order to be promoted to Core Member, a Contributor must:\n\n\
                1. Contribute to three projects.\n1. Find a sponsor.\n\n\
                ### Demotion\n\nInactive members are demoted.\n";
    let imported = imported_from("membership-rules.md", text);
    assert_eq!(level_titles(&imported), ["Contributor", "Core Member"]);
    assert_eq!(
        entry(&imported, "Core Member", "Promotion Becoming a Core Member"),
        ["Contribute to three projects.", "Find a sponsor."]
    );
    let yaml = ladder::import::to_yaml(&imported).unwrap();
    assert!(yaml.contains("In order to be promoted to Core Member, a Contributor must:"));
    assert!(!yaml.contains("@site"), "{yaml}");
}

#[test]
fn an_appendix_revisiting_another_track_s_levels_joins_them() {
    // source{d}'s career guide: a track of engineers, then a management track whose last
    // level holds `##### Appendix - Machine Learning Team` and, after it, the engineers'
    // titles again with what the ML team adds: those join the engineers' levels, in an area
    // named by the appendix; the management track keeps its own levels.
    let text = "# Career Development\n\n### Individual Contributor\n\n\
                #### Junior Engineer\n\nJuniors fix bugs in code they know.\n\n\
                #### Engineer I\n\nEngineers work on small tasks alone.\n\n\
                #### Senior Engineer\n\nSeniors lead projects.\n\n\
                ### Management\n\n#### Team Lead\n\nLeads a team of engineers.\n\n\
                #### Director\n\n- Plans the year\n- Hires leads\n\n\
                ##### Appendix - Machine Learning Team\n\n\
                #### Junior Engineer\n\nJuniors apply ML algorithms.\n\n\
                #### Engineer I\n\nEngineers know which algorithm fits.\n";
    let imported = imported_from("career.md", text);
    assert_eq!(
        level_titles(&imported),
        [
            "Junior Engineer",
            "Engineer I",
            "Senior Engineer",
            "Team Lead",
            "Director"
        ]
    );
    assert_eq!(
        entry(
            &imported,
            "Junior Engineer",
            "Appendix - Machine Learning Team"
        ),
        ["Juniors apply ML algorithms."]
    );
    assert_eq!(
        entry(&imported, "Engineer I", "Appendix - Machine Learning Team"),
        ["Engineers know which algorithm fits."]
    );
}

#[test]
fn a_latex_document_imports_and_a_track_of_its_rules_is_prose() {
    // The Polkadot Fellowship's manifesto (LaTeX): `\section{Operational Rules}` over
    // `\subsection{Entry}`, `{Promotion}`, `{Continuation}` (lists of rules), then
    // `\section{Rank Specifications}` over the ranks, each with `\subsubsection{Requirements}`
    // and an `itemize`. The ranks are the one track; the rules are prose, kept.
    let rank = |title: &str, duty: &str| {
        format!(
            "\\subsection{{{title}}}\\label{{r}}~\\\\\n\nA rank of the fellowship.\n\n\
             \\subsubsection{{Requirements}}\n\\begin{{itemize}}\n  \\item {duty}\n  \
             \\item Is a member in good standing\n\\end{{itemize}}\n\n"
        )
    };
    let text = format!(
        "\\documentclass{{article}}\n\\title{{The Manifesto}}\n\\begin{{document}}\n\
         \\maketitle\n\n\\section{{Operational Rules}}\n\n\\subsection{{Entry}}\n\
         \\begin{{itemize}}\n\\item Place a deposit.\n\\item Find a sponsor.\n\\end{{itemize}}\n\n\
         \\subsection{{Promotion}}\n\\begin{{itemize}}\n\\item Wait a year.\n\\end{{itemize}}\n\n\
         \\subsection{{Continuation}}\n\\begin{{itemize}}\n\\item Stay active.\n\\end{{itemize}}\n\n\
         \\subsection{{Notes}}\n\\begin{{itemize}}\n\\item Ranks are on chain.\n\\end{{itemize}}\n\n\
         \\section{{Rank Specifications}}\n\n{}{}{}\\end{{document}}\n",
        rank("I Dan: Humble Member", "Knows the protocol \\textbf{well}"),
        rank("II Dan: Proficient Member", "Writes runtime code"),
        rank("III Dan: Fellow", "Leads a team"),
    );
    let imported = imported_from("manifesto.tex", &text);
    assert_eq!(imported.title, "The Manifesto");
    assert_eq!(
        level_titles(&imported),
        [
            "I Dan: Humble Member",
            "II Dan: Proficient Member",
            "III Dan: Fellow"
        ]
    );
    assert_eq!(
        entry(&imported, "I Dan: Humble Member", "Requirements"),
        [
            "Knows the protocol **well**",
            "Is a member in good standing"
        ]
    );
    let yaml = ladder::import::to_yaml(&imported).unwrap();
    for kept in ["Place a deposit.", "Wait a year.", "Stay active."] {
        assert!(yaml.contains(kept), "{kept}: {yaml}");
    }
    assert!(!yaml.contains('\\'), "{yaml}");
}

#[test]
fn a_module_s_string_constants_name_its_skills_and_levels() {
    // WWT's shape: skills and proficiencies as string constants, the skills' map keyed by
    // them (`[AGILE]: {definition, leveling: {[DEVELOPING]: {summary, behaviors}}}`) after a
    // map of titles to proficiencies: the proficiencies are the levels, the skills the areas,
    // a summary stating a behaviour the first of the level's expectations.
    let js = "const AGILE = 'Agile Practices';\nconst DESIGN = 'Architecture Design';\n\
              const DEVELOPING = 'Developing';\nconst LEADING = 'Leading';\n\
              export const jobTitles = ['Engineer 1', 'Engineer 2'];\n\
              export const skillProficencies = { [AGILE]: [DEVELOPING, LEADING] };\n\
              export const skillDescriptions = {\n\
                [AGILE]: { definition: 'Uses agile practices.', leveling: {\n\
                  [DEVELOPING]: { summary: null, behaviors: ['Learns the basics.'] },\n\
                  [LEADING]: { summary: 'Guides the client to make good decisions.', behaviors: ['Coaches others.', `Shapes the process.`] } } },\n\
                [DESIGN]: { definition: 'Designs systems.', leveling: {\n\
                  [DEVELOPING]: { summary: null, behaviors: ['Reads designs.'] },\n\
                  [LEADING]: { summary: null, behaviors: ['Leads designs.'] } } },\n\
              };\n";
    let imported = imported_from("skills.js", js);
    assert_eq!(level_titles(&imported), ["Developing", "Leading"]);
    assert_eq!(
        entry(&imported, "Leading", "Agile Practices"),
        [
            "Guides the client to make good decisions.",
            "Coaches others.",
            "Shapes the process."
        ]
    );
    assert_eq!(
        entry(&imported, "Developing", "Architecture Design"),
        ["Reads designs."]
    );
}

#[test]
fn data_keyed_by_rung_codes_whose_records_give_a_summary_and_a_detail() {
    // `{"L1": {"summary": …, "detail": ""}, "L2": {…}}`: each code a level, the summary and
    // a non-empty detail its expectations.
    let json = r#"{"L1": {"summary": "チームの成長課題を見つける。", "detail": ""},
        "L2": {"summary": "チームの育成計画を立てる。", "detail": "必要な教育を実施する。"}}"#;
    let imported = imported_from("team.json", json);
    assert_eq!(level_titles(&imported), ["L1", "L2"]);
    let (_, second) = imported.levels().nth(1).unwrap();
    assert_eq!(
        level_texts(second),
        ["チームの育成計画を立てる。", "必要な教育を実施する。"]
    );
    assert_eq!(imported.language.as_deref(), Some("ja"));
}

#[test]
fn level_records_list_their_skills_by_area_and_a_common_record_is_no_level() {
    // Lunatech's shape: `[{name: "Common", skills: {…}}, {name: "Trainee", description,
    // skills: {interpersonal: […], leadership: []}}, …]`: the lists under `skills` are areas;
    // the "Common" record is what all share, kept as a section, not a level.
    let json = r#"[
      {"name": "Common", "description": "The basics we all should know",
       "skills": {"interpersonal": ["Mentoring"], "leadership": ["Active listening"]}},
      {"name": "Trainee", "description": "A talented person.", "yearsOfExperience": 0,
       "skills": {"interpersonal": ["Willing to learn", "Team working"], "leadership": []}},
      {"name": "Senior Software Engineer", "description": "Leads projects.",
       "skills": {"interpersonal": ["Coaching"], "leadership": ["Leads the team"]}}]"#;
    let imported = imported_from("levels.json", json);
    assert_eq!(
        level_titles(&imported),
        ["Trainee", "Senior Software Engineer"]
    );
    assert_eq!(
        entry(&imported, "Trainee", "interpersonal"),
        ["Willing to learn", "Team working"]
    );
    assert_eq!(
        entry(&imported, "Senior Software Engineer", "leadership"),
        ["Leads the team"]
    );
    let common = imported
        .sections
        .iter()
        .find(|section| section.title == "Common")
        .expect("the common record kept as a section");
    assert!(common.body.contains("Active listening"), "{}", common.body);
}

#[test]
fn a_scale_s_no_experience_rung_stays_a_rung_with_nothing_asked_and_a_form_of_scores_is_no_track() {
    // A QA matrix exported from Google Sheets (Russian): "0 - no experience" over cells that
    // say "Нет опыта" (nothing asked), then a self-assessment form of skill names and zeros.
    let csv = "Технические навыки,,,\n\
               Навык/Вес,0 - no experience,1 - novice,2 - intermediate\n\
               SQL,нет опыта,Пишет простые запросы.,Пишет составные запросы.\n\
               Консоль,Нет опыта,Подключается по SSH.,Выкладывает скрипты.\n\
               ,,,\n,,,\n\
               Навыки в технической области,,,\n\
               SQL,,0,\n\
               Консоль,,,\n";
    let imported = imported_from("matrix.csv", csv);
    assert_eq!(
        level_titles(&imported),
        ["0 - no experience", "1 - novice", "2 - intermediate"]
    );
    let (_, zero) = imported.levels().next().unwrap();
    assert!(level_texts(zero).is_empty(), "{:?}", level_texts(zero));
    assert_eq!(
        entry(&imported, "1 - novice", "SQL"),
        ["Пишет простые запросы."]
    );
}

#[test]
fn a_sheet_of_one_column_is_read_without_its_reader_failing() {
    // Rows of one cell each to the sheet's end: no row is wide enough to head a table (a
    // header check once looked one row past the end).
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("notes.csv");
    std::fs::write(&path, "Career ladder\nSenior Engineer\nLeads projects\n").unwrap();
    if let Err(errors) = ladder::inputs::import_file(&path) {
        let said = format!("{errors:?}");
        assert!(!said.contains("reader failed"), "{said}");
    }
}

#[test]
fn a_tab_separated_file_reads_as_a_csv_file_and_a_named_column_titles_its_levels() {
    // O*NET's Job Zone reference as published: tab-separated, a number column, then a `Name`
    // column whose titles run to eight words.
    let tsv = "Job Zone\tName\tExperience\tEducation\n\
               1\tJob Zone One: Little or No Preparation Needed\tLittle or no previous work-related skill is needed.\tSome may require a high school diploma.\n\
               2\tJob Zone Two: Some Preparation Needed\tSome previous work-related skill is usually needed.\tThese occupations usually require a high school diploma.\n\
               3\tJob Zone Three: Medium Preparation Needed\tPrevious work-related skill is required.\tMost require vocational training.\n";
    let imported = imported_from("job_zones.tsv", tsv);
    assert_eq!(
        level_titles(&imported),
        [
            "Job Zone One: Little or No Preparation Needed",
            "Job Zone Two: Some Preparation Needed",
            "Job Zone Three: Medium Preparation Needed"
        ]
    );
    let (_, second) = imported.levels().nth(1).unwrap();
    let texts = level_texts(second);
    assert_eq!(
        texts,
        [
            "Some previous work-related skill is usually needed.",
            "These occupations usually require a high school diploma."
        ]
    );
}

#[test]
fn role_records_whose_lists_are_named_by_their_areas() {
    // The OBO Foundry's roles: `{name, description, requirements: […], responsibilities: […]}`,
    // one record with no responsibilities yet.
    let yaml = "- name: Registry Metadata Steward\n  commitment: 2-6 hours per month\n  requirements:\n    - love for metadata\n    - basic python\n  description: Responsible for the registry metadata.\n  responsibilities:\n    - Checking issues weekly.\n    - Assessing pull requests.\n  people:\n    - name: Nico\n      github: matentzn\n\
                - name: Website Coordinator\n  requirements:\n    - Working knowledge of javascript\n  description: Responsible for the website.\n  responsibilities:\n";
    let imported = imported_from("roles.yaml", yaml);
    assert_eq!(
        level_titles(&imported),
        ["Registry Metadata Steward", "Website Coordinator"]
    );
    let (_, steward) = imported.levels().next().unwrap();
    let by_area = expectations_by_area_name(&imported, steward);
    assert_eq!(
        by_area.get("requirements").unwrap(),
        &["love for metadata", "basic python"]
    );
    assert_eq!(
        by_area.get("responsibilities").unwrap(),
        &["Checking issues weekly.", "Assessing pull requests."]
    );
    assert!(steward
        .description
        .as_deref()
        .is_some_and(|text| text.contains("Responsible for the registry metadata.")));
}

#[test]
fn a_php_file_returning_levels_keyed_by_id_with_a_record_per_track() {
    // A site's language file: each level holds one named record per track; a description's
    // paragraphs are its expectations.
    let php = "<?php\nreturn [\n    \"basic\" => [\n        \"hard\" => [\n            \"name\" => \"Débutant\",\n            \"description\" =>\n                \"Vous accomplissez des tâches de base.\\n\\n\".\n                \"Vous progressez avec supervision.\",\n        ],\n        \"soft\" => [\n            'name' => 'Phase précoce',\n            'description' => 'Vous acquérez cette compétence.',\n        ],\n    ],\n    \"expert\" => [\n        \"hard\" => [\"name\" => \"Expert\", \"description\" => \"Vous dirigez les travaux.\"],\n        \"soft\" => [\"name\" => \"Maîtrise\", \"description\" => \"Vous enseignez cette compétence.\"],\n    ],\n];\n";
    let imported = imported_from("levels.php", php);
    let tracks: Vec<(&str, Vec<&str>)> = imported
        .tracks
        .iter()
        .map(|track| {
            (
                track.name.as_str(),
                track
                    .levels
                    .iter()
                    .map(|level| level.title.as_str())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        tracks,
        [
            ("hard", vec!["Débutant", "Expert"]),
            ("soft", vec!["Phase précoce", "Maîtrise"])
        ]
    );
    let first = &imported.tracks[0].levels[0];
    let texts = level_texts(first);
    assert_eq!(
        texts,
        [
            "Vous accomplissez des tâches de base.",
            "Vous progressez avec supervision."
        ]
    );
    assert_eq!(imported.language.as_deref(), Some("fr"));
}

#[test]
fn a_skills_list_numbered_as_an_outline_has_its_levels_across_between_labels_and_notes() {
    // `ID | カテゴリ | スキル項目 | 0：未到達 … 3：指導 | 備考`: the IDs (A1, A2, B1 …) number the
    // skills as an outline, they are no rungs; the rungs are the columns titled by a number
    // and a full-width colon, between the label columns and a notes column.
    let csv = "ID,カテゴリ,スキル項目,0：未到達,1：基礎,2：自立,3：指導,備考\n\
        A1,設計,要件定義,要件を理解できない,指示のもとで要件を整理できる,自ら要件を定義できる,チームの要件定義を指導できる,\n\
        A2,設計,基本設計,設計書を読めない,設計書を読んで理解できる,基本設計を一人で書ける,設計レビューを主導できる,\n\
        B1,実装,コーディング,コードを書けない,簡単な修正ができる,機能を一人で実装できる,実装方針を示し指導できる,\n\
        B2,実装,テスト,テストを書けない,単体テストを書ける,結合テストを設計できる,テスト戦略を立てられる,重要\n\
        C1,運用,監視,監視を知らない,アラートに対応できる,監視を設計できる,監視基盤を改善できる,\n";
    let imported = imported_from("skills.csv", csv);
    assert_eq!(
        level_titles(&imported),
        ["0：未到達", "1：基礎", "2：自立", "3：指導"]
    );
    for (_, level) in imported.levels() {
        assert_eq!(level_texts(level).len(), 5, "{}", level.title);
    }
    assert_eq!(
        entry(&imported, "2：自立", "テスト"),
        ["結合テストを設計できる"]
    );
    // The note on a row is kept with its area, not lost.
    let test = imported.areas.iter().find(|area| area.name == "テスト");
    let said = test
        .and_then(|area| area.description.clone())
        .unwrap_or_default();
    assert!(said.contains("重要"), "{said}");
    assert_eq!(imported.language.as_deref(), Some("ja"));
}

#[test]
fn a_data_module_keyed_by_level_with_named_records_by_category_and_specialism() {
    // A site's data: levels as keys, categories of records `{name, specialism, description}`,
    // HTML lists in the texts. A record's name is its area unless it opens every category
    // ("Narrative": then the category is); "Description" describes the level; "Not applicable"
    // holds a place only; "All" gives a record to every specialism.
    let module = r#"const contentData = {
  Associate: {
    Overview: [
      { name: "Description", specialism: "Software Engineer", description: "An Associate is new to the practice." },
      { name: "You Will", specialism: "All", description: "<ul><li>Master Git</li><li>Learn to test</li></ul>" },
    ],
    Delivery: [
      { name: "Narrative", specialism: "All", description: "<ul><li>Completes tasks with guidance</li></ul>" },
      { name: "Coding", specialism: "Software Engineer", description: "Writes clean code." },
      { name: "Testing", specialism: "Quality Engineer", description: "Writes test plans." },
    ],
    People: [
      { name: "Narrative", specialism: "All", description: "<ul><li>Works well with the team</li></ul>" },
      { name: "Mentoring", specialism: "All", description: "Not applicable at this level." },
    ],
  },
  "Senior Consultant": {
    Delivery: [
      { name: "Narrative", specialism: "All", description: "<ul><li>Leads delivery</li></ul>" },
      { name: "Coding", specialism: "Software Engineer", description: "Sets coding standards." },
      { name: "Testing", specialism: "Quality Engineer", description: "Owns the test strategy." },
    ],
    People: [
      { name: "Narrative", specialism: "All", description: "<ul><li>Develops others</li></ul>" },
      { name: "Mentoring", specialism: "All", description: "Mentors several engineers." },
    ],
  },
};

export default contentData;
"#;
    let imported = imported_from("content.ts", module);
    let tracks: Vec<(&str, Vec<&str>)> = imported
        .tracks
        .iter()
        .map(|track| {
            let titles = track.levels.iter().map(|level| level.title.as_str());
            (track.name.as_str(), titles.collect())
        })
        .collect();
    assert_eq!(
        tracks,
        [
            ("Software Engineer", vec!["Associate", "Senior Consultant"]),
            ("Quality Engineer", vec!["Associate", "Senior Consultant"]),
        ]
    );
    let associate = &imported.tracks[0].levels[0];
    assert_eq!(
        expectations_by_area_name(&imported, associate),
        BTreeMap::from([
            (
                "You Will".to_owned(),
                vec!["Master Git".to_owned(), "Learn to test".to_owned()]
            ),
            (
                "Delivery".to_owned(),
                vec!["Completes tasks with guidance".to_owned()]
            ),
            ("Coding".to_owned(), vec!["Writes clean code.".to_owned()]),
            (
                "People".to_owned(),
                vec!["Works well with the team".to_owned()]
            ),
        ])
    );
    let said = associate.description.clone().unwrap_or_default();
    assert!(said.contains("new to the practice"), "{said}");
    let quality = &imported.tracks[1].levels[1];
    assert_eq!(
        entry(&imported, "Senior Consultant", "Mentoring"),
        ["Mentors several engineers."]
    );
    assert!(expectations_by_area_name(&imported, quality).contains_key("Testing"));
}

#[test]
fn headings_that_link_to_their_own_anchors_are_titled_by_their_words() {
    // Pandoc's HTML: an empty `<title>`, a contents list, every heading a link to its own
    // section. The tracks, levels and areas are titled by the headings' words.
    let html = r##"<!DOCTYPE html><html><head><title></title></head><body>
<nav id="TOC"><ul><li><a href="#engineers">Engineers</a></li></ul></nav>
<section id="engineers"><h1><a href="#engineers">Engineers</a></h1>
<section id="engineer-i"><h2><a href="#engineer-i">Engineer I</a></h2>
<section id="domain-knowledge"><h3><a href="#domain-knowledge">Domain Knowledge</a></h3>
<p>Learns the team's systems.</p></section></section>
<section id="engineer-ii"><h2><a href="#engineer-ii">Engineer II</a></h2>
<section id="domain-knowledge-1"><h3><a href="#domain-knowledge-1">Domain Knowledge</a></h3>
<p>Knows the team's systems well.</p></section></section>
</section></body></html>"##;
    let imported = imported_from("ops.html", html);
    assert_eq!(level_titles(&imported), ["Engineer I", "Engineer II"]);
    assert_eq!(
        entry(&imported, "Engineer II", "Domain Knowledge"),
        ["Knows the team's systems well."]
    );
    assert!(!imported.title.trim().is_empty());
    assert!(
        !imported.tracks[0].name.contains('['),
        "{}",
        imported.tracks[0].name
    );
}

#[test]
fn a_table_with_a_row_per_expectation_gives_each_to_the_levels_it_names() {
    // A database's export: the expectation, the grades it applies to (`1|2`), a trait code and
    // a sub-area that, when filled, names the area more closely. Without a header, and with
    // one (`Expectation | Level | Competency`).
    let bare = "\"You write production-ready code with guidance from a peer.\",1|2,DEX,\r\n\
        \"You learn technical things quickly and ask for help early.\",2,DEX,\r\n\
        \"You own the delivery of a feature from design to release.\",2|3,WIS,Feature Ownership\r\n\
        \"You own the design of a component across several teams.\",3,WIS,Component Ownership\r\n\
        \"You help your colleagues grow through pairing and review.\",3,FEL,\r\n";
    let imported = imported_from("expectations.csv", bare);
    assert_eq!(level_titles(&imported), ["1", "2", "3"]);
    assert_eq!(
        entry(&imported, "3", "Feature Ownership"),
        ["You own the delivery of a feature from design to release."]
    );
    assert_eq!(
        entry(&imported, "2", "DEX"),
        [
            "You write production-ready code with guidance from a peer.",
            "You learn technical things quickly and ask for help early."
        ]
    );
    let headed = "Expectation,Level,Competency\n\
        Writes clear code that the team can maintain.,Junior,Craft\n\
        Reviews the code of others with care and kindness.,Senior,Craft\n\
        Designs systems that other teams can build upon.,Senior,Craft\n\
        Asks for help when blocked for more than a day.,Junior,Collaboration\n\
        Mentors the junior engineers of the team every week.,Senior,Collaboration\n";
    let imported = imported_from("criteria.csv", headed);
    assert_eq!(level_titles(&imported), ["Junior", "Senior"]);
    assert_eq!(
        entry(&imported, "Senior", "Collaboration"),
        ["Mentors the junior engineers of the team every week."]
    );
}

#[test]
fn a_row_per_expectation_with_merged_blanks_and_an_examples_column() {
    // Excel's "CSV (semicolon)" of a matrix kept one expectation per row: the level and the
    // area written on the first row of their block only (merged cells), and an "Ejemplo"
    // column filled here and there. Every row is an expectation of the level above it; an
    // example illustrates its row's expectation and is not one.
    let csv = "\u{feff}Nivel;Competencia;Comportamiento esperado;Ejemplo\r\n\
        Junior;Calidad;Escribe código legible siguiendo las guías del equipo.;Sus PR pasan el linter.\r\n\
        ;;Añade tests unitarios a la lógica que desarrolla.;\r\n\
        ;Autonomía;Resuelve tareas acotadas con apoyo de un compañero.;\r\n\
        Senior;Calidad;Define las prácticas de testing del equipo entero.;\r\n\
        ;Autonomía;Lidera iniciativas técnicas de varias semanas.;Migración a Compose.\r\n\
        ;;Gestiona las publicaciones en las dos tiendas.;\r\n";
    let imported = imported_from("matriz.csv", csv);
    assert_eq!(level_titles(&imported), ["Junior", "Senior"]);
    assert_eq!(
        entry(&imported, "Junior", "Calidad"),
        [
            "Escribe código legible siguiendo las guías del equipo.",
            "Añade tests unitarios a la lógica que desarrolla."
        ]
    );
    assert_eq!(
        entry(&imported, "Senior", "Autonomía"),
        [
            "Lidera iniciativas técnicas de varias semanas.",
            "Gestiona las publicaciones en las dos tiendas."
        ]
    );
    let (_, senior) = imported
        .levels()
        .find(|(_, level)| level.title == "Senior")
        .unwrap();
    assert_eq!(examples_of(&imported, senior), ["Migración a Compose."]);
}

#[test]
fn a_sheet_of_level_rows_spaced_by_empty_rows_under_two_header_rows() {
    // Levels as rows, an empty row after each, a second header row naming what the first
    // leaves blank ("Notes"): every level is read, and the notes say something of the level.
    let csv = "Level,Dex,Str,\n\
        ,Technical Skill,Getting Stuff Done,Notes\n\
        E0,\"Applies clean code principles.\n\nMasters the development environment.\",Delivers small well-specified tasks.,http://example.com/guide\n\
        ,,,\n\
        E1,Writes correct and tested code.,Takes initiative on assigned tasks.,\n\
        ,,,\n\
        ,,,\n\
        E2,Has advanced knowledge of the stack.,Collaborates on medium features.,Rolls up their sleeves.\n";
    let imported = imported_from("ladder.csv", csv);
    assert_eq!(level_titles(&imported), ["E0", "E1", "E2"]);
    assert_eq!(
        entry(&imported, "E0", "Dex"),
        [
            "Applies clean code principles.",
            "Masters the development environment."
        ]
    );
    let (_, e2) = imported.levels().nth(2).unwrap();
    assert_eq!(level_texts(e2).len(), 2, "{:?}", level_texts(e2));
    let said = e2.description.clone().unwrap_or_default();
    assert!(said.contains("Rolls up their sleeves"), "{said}");
}

#[test]
fn a_page_word_saved_in_its_code_page_reads_with_its_lists_and_accents() {
    // Word's "Web Page, Filtered": `charset=windows-1252`, list items as paragraphs styled
    // `mso-list:l0 level2 lfo1` behind a bullet marked `mso-list:Ignore`.
    let path = repo("tests/fixtures/import/word-web-page.htm");
    let ladder = ladder::import::import_file(&path).unwrap().ladder;
    assert_eq!(
        entry(&ladder, "Junior Engineer", "Delivery"),
        [
            "Ships small changes with help",
            "Writes tests for their code"
        ]
    );
    assert_eq!(
        entry(&ladder, "Senior Engineer", "Delivery"),
        ["Plans multi-month projects", "Unblocks others’ work"]
    );
    let junior = ladder.levels().next().unwrap().1;
    assert_eq!(
        junior.description.as_deref(),
        Some("Learns the team’s codebase.")
    );
    assert_eq!(
        examples_of(&ladder, junior),
        ["for example a café menu fix"]
    );
    // The same page saved as "Unicode" (UTF-16 with its byte-order mark) reads the same.
    let bytes = std::fs::read(&path).unwrap();
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    let folder = tempfile::tempdir().unwrap();
    let utf16 = folder.path().join("page.htm");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&utf16, bytes).unwrap();
    let from_utf16 = ladder::import::import_file(&utf16).unwrap().ladder;
    assert_eq!(table(&from_utf16), table(&ladder));
}

#[test]
fn a_page_google_docs_saved_reads_its_bold_labels_and_flat_lists() {
    // Google Docs marks bold and italic by class (`.c2{font-weight:700}`), or by a span's own
    // style where its text was pasted, and writes each depth of a list as a list of its own
    // (`<ul class="lst-kix_q1w2e3-1">`).
    let path = repo("tests/fixtures/import/google-docs-page.html");
    let ladder = ladder::import::import_file(&path).unwrap().ladder;
    assert_eq!(
        entry(&ladder, "Engineer I", "Delivery"),
        ["Ships small changes", "Writes tests"]
    );
    assert_eq!(
        entry(&ladder, "Engineer II", "Collaboration"),
        ["Reviews peers’ code"]
    );
    let first = ladder.levels().next().unwrap().1;
    assert_eq!(examples_of(&ladder, first), ["for example a *typo* fix"]);
}

#[test]
fn a_sheet_google_sheets_saved_as_a_web_page_reads_without_its_grid_headings() {
    // "File → Download → Web page" keeps the grid's column letters as the first row and the
    // row numbers as the first column, each a `<th>`.
    let letters = ["", "A", "B", "C"].map(|letter| format!("<th>{letter}</th>"));
    let rows = [
        ["Competency", "Junior Engineer", "Senior Engineer"],
        [
            "Technical skills",
            "Writes code for defined tasks.<br>Asks for help.",
            "Designs systems across teams.",
        ],
        [
            "Delivery",
            "Delivers tasks with guidance.",
            "Delivers projects across quarters.",
        ],
    ]
    .iter()
    .enumerate()
    .map(|(index, cells)| {
        let cells: String = cells.iter().map(|c| format!("<td>{c}</td>")).collect();
        format!("<tr><th><div>{}</div></th>{cells}</tr>", index + 1)
    })
    .collect::<String>();
    let page = format!(
        "<div class=\"ritz grid-container\"><table class=\"waffle\"><thead><tr>{}</tr></thead>\
         <tbody>{rows}</tbody></table></div>",
        letters.concat()
    );
    let ladder = imported_from("matrix.html", &page);
    assert_eq!(
        level_titles(&ladder),
        ["Junior Engineer", "Senior Engineer"]
    );
    assert_eq!(
        entry(&ladder, "Junior Engineer", "Technical skills"),
        ["Writes code for defined tasks.", "Asks for help."]
    );
    assert_eq!(
        entry(&ladder, "Senior Engineer", "Delivery"),
        ["Delivers projects across quarters."]
    );
}

#[test]
fn a_confluence_export_reads_its_page_without_the_wiki_around_it() {
    // Confluence's HTML export: the space's name in the title and breadcrumbs, a "Created by"
    // line above the page's text (`#main-content`) and the attachments below it.
    let page = "<html><head><title>Engineering : Career Ladder</title></head><body>\
        <div id=\"main-header\"><ol id=\"breadcrumbs\"><li><a href=\"index.html\">Engineering</a></li>\
        <li><a href=\"People.html\">People</a></li></ol>\
        <h1 id=\"title-heading\"><span id=\"title-text\">Engineering : Career Ladder</span></h1></div>\
        <div class=\"page-metadata\">Created by Jane Doe, last modified on Mar 03, 2024</div>\
        <div id=\"main-content\" class=\"wiki-content group\"><p>What we expect at each level.</p>\
        <div class=\"table-wrap\"><table class=\"confluenceTable\"><tbody>\
        <tr><th><p>Area</p></th><th><p>Engineer I</p></th><th><p>Engineer II</p></th></tr>\
        <tr><td><p><strong>Technical</strong></p></td><td><ul><li><p>Writes tested code</p></li>\
        <li><p>Learns the codebase</p></li></ul></td><td><p>Designs features</p></td></tr>\
        </tbody></table></div></div>\
        <div class=\"pageSection group\"><h2 id=\"attachments\">Attachments:</h2>\
        <div class=\"greybox\"><a href=\"attachments/1/2.png\">image.png</a> (image/png)</div></div>\
        </body></html>";
    let ladder = imported_from("Career-Ladder_123.html", page);
    assert_eq!(ladder.title, "Career Ladder");
    assert_eq!(level_titles(&ladder), ["Engineer I", "Engineer II"]);
    assert_eq!(
        entry(&ladder, "Engineer I", "Technical"),
        ["Writes tested code", "Learns the codebase"]
    );
    let text = format!("{ladder:?}");
    assert!(
        !text.contains("Created by") && !text.contains("image.png"),
        "{text}"
    );
}

#[test]
fn a_matrix_with_groups_and_named_sub_areas_reads_every_sub_area_once() {
    // A category spanning rows, then a cell naming the row's area in bold over what it covers,
    // and the levels' titles repeated over the second group of rows (as a wiki page's long
    // table shows them again).
    let titles = "<tr><th></th><th></th><th>L1 – Engineer I</th><th>L2 – Engineer II</th></tr>";
    let row = |group: &str, name: &str, covers: &str, first: &str, second: &str| {
        format!(
            "<tr>{group}<td><p><strong>{name}</strong></p><ul><li>{covers}</li><li>and more</li>\
             </ul></td><td><ul><li>{first}</li></ul></td><td><ul><li>{second}</li></ul></td></tr>"
        )
    };
    let page = format!(
        "<h1>Matrix</h1><table>{titles}{}{}{titles}{}{}</table>",
        row(
            "<th rowspan=\"2\">Design</th>",
            "Quality",
            "Maintainability",
            "Writes tests.",
            "Advises on quality."
        ),
        row(
            "",
            "Architecture",
            "Systems",
            "Follows the design.",
            "Designs modules."
        ),
        row(
            "<th rowspan=\"2\">Collaboration</th>",
            "Communication",
            "Clarity",
            "Asks for help.",
            "Helps peers."
        ),
        row(
            "",
            "Scope",
            "Size of projects",
            "Works on tasks.",
            "Works on features."
        ),
    );
    let ladder = imported_from("matrix.html", &page);
    assert_eq!(
        level_titles(&ladder),
        ["L1 – Engineer I", "L2 – Engineer II"]
    );
    assert_eq!(
        table(&ladder)["L1 – Engineer I"],
        BTreeMap::from(
            [
                ("Architecture", "Follows the design."),
                ("Communication", "Asks for help."),
                ("Quality", "Writes tests."),
                ("Scope", "Works on tasks."),
            ]
            .map(|(area, text)| (area.to_owned(), vec![text.to_owned()]))
        )
    );
    let architecture = ladder.areas.iter().find(|a| a.name == "Architecture");
    let description = architecture.and_then(|a| a.description.as_deref());
    assert_eq!(description, Some("Design\n\n- Systems\n- and more"));
}

#[test]
fn a_page_notion_exported_keeps_its_callout_and_loses_its_file_id() {
    // Notion writes a callout as an `<aside>` among the Markdown, and ends every exported
    // file's name with the page's id.
    let name = "Engineering Ladder 3f2a9c1e8b7d4e6fa0b1c2d3e4f5a6b7.md";
    let page = "<aside>\n💡 Levels are cumulative.\n\n</aside>\n\n## Engineer I\n\n\
                - Writes tested code.\n\n## Engineer II\n\n- Reviews code of peers.\n";
    let ladder = imported_from(name, page);
    assert_eq!(ladder.title, "Engineering Ladder");
    assert_eq!(ladder.summary.as_deref(), Some("💡 Levels are cumulative."));
    assert_eq!(level_titles(&ladder), ["Engineer I", "Engineer II"]);
    assert_eq!(
        ladder::import::document_name(std::path::Path::new(name)),
        "Engineering Ladder"
    );
    let plain = std::path::Path::new("ladder 2024.md");
    assert_eq!(ladder::import::document_name(plain), "ladder 2024");
}

#[test]
fn a_row_naming_groups_of_the_level_columns_makes_a_track_of_each() {
    // "Individual Contributor" over three levels and "Management" over two, as a sheet
    // merges the cell across them (HTML's colspan) or writes it once, blank after.
    let levels = [
        "Engineer",
        "Senior Engineer",
        "Staff Engineer",
        "Engineering Manager",
        "Director",
    ];
    let technical = [
        "Writes code.",
        "Designs services.",
        "Sets architecture.",
        "Guides decisions.",
        "Owns strategy.",
    ];
    let csv = format!(
        ",Individual Contributor,,,Management,\nArea,{}\nTechnical,{}\n",
        levels.join(","),
        technical.join(",")
    );
    let markdown = format!(
        "| | Individual Contributor | | | Management | |\n|---|---|---|---|---|---|\n\
         | Area | {} |\n| Technical | {} |\n",
        levels.join(" | "),
        technical.join(" | ")
    );
    let cells = |texts: &[&str]| {
        texts
            .iter()
            .map(|t| format!("<td>{t}</td>"))
            .collect::<String>()
    };
    let html = format!(
        "<table><tr><td></td><td colspan=\"3\">Individual Contributor</td>\
         <td colspan=\"2\">Management</td></tr><tr><td>Area</td>{}</tr>\
         <tr><td>Technical</td>{}</tr></table>",
        cells(&levels),
        cells(&technical)
    );
    for (name, text) in [
        ("ladder.csv", csv),
        ("ladder.md", markdown),
        ("ladder.html", html),
    ] {
        let ladder = imported_from(name, &text);
        let tracks: Vec<(&str, Vec<&str>)> = ladder
            .tracks
            .iter()
            .map(|track| {
                let titles = track.levels.iter().map(|l| l.title.as_str()).collect();
                (track.name.as_str(), titles)
            })
            .collect();
        assert_eq!(
            tracks,
            [
                ("Individual Contributor", levels[..3].to_vec()),
                ("Management", levels[3..].to_vec())
            ],
            "{name}"
        );
        assert_eq!(
            entry(&ladder, "Director", "Technical"),
            ["Owns strategy."],
            "{name}"
        );
    }
}

#[test]
fn a_table_of_a_level_per_row_with_a_track_column_makes_a_track_of_each() {
    // `Track | Level | Title | …`, as an HR export writes its ladder: the header names its
    // columns (it is no preamble above the first row of levels), the first column the track.
    let csv = "Track,Level,Title,Scope,Technical skills\n\
               Individual Contributor,L1,Software Engineer I,Tasks,\"Writes code.\nLearns.\"\n\
               Individual Contributor,L2,Software Engineer II,Features,Designs features.\n\
               Management,M1,Engineering Manager,Team,Guides decisions.\n\
               Management,M2,Senior Engineering Manager,Teams,Owns strategy.\n";
    let ladder = imported_from("ladder.csv", csv);
    type Titled<'a> = Vec<(&'a str, Option<&'a str>)>;
    let tracks: Vec<(&str, Titled)> = ladder
        .tracks
        .iter()
        .map(|track| {
            let levels = track.levels.iter();
            let levels = levels
                .map(|l| (l.title.as_str(), l.code.as_deref()))
                .collect();
            (track.name.as_str(), levels)
        })
        .collect();
    assert_eq!(
        tracks,
        [
            (
                "Individual Contributor",
                vec![
                    ("Software Engineer I", Some("L1")),
                    ("Software Engineer II", Some("L2"))
                ]
            ),
            (
                "Management",
                vec![
                    ("Engineering Manager", Some("M1")),
                    ("Senior Engineering Manager", Some("M2"))
                ]
            )
        ]
    );
    assert_eq!(
        entry(&ladder, "Software Engineer I", "Technical skills"),
        ["Writes code.", "Learns."]
    );
}

#[test]
fn a_sheet_s_title_line_over_its_table_titles_the_ladder() {
    let csv = "Engineering Competency Matrix,,\nArea,Junior,Senior\n\
               Delivery,Ships small tasks.,Leads projects.\nCraft,Writes tests.,Sets standards.\n";
    let ladder = imported_from("matrix-2024.csv", csv);
    assert_eq!(ladder.title, "Engineering Competency Matrix");
    assert_eq!(level_titles(&ladder), ["Junior", "Senior"]);
    assert!(ladder.summary.is_none(), "{:?}", ladder.summary);
    // A line that says something is no title: it stays the ladder's summary.
    let csv = "How to read this: each column is a level.,,\nArea,Junior,Senior\n\
               Delivery,Ships small tasks.,Leads projects.\n";
    let ladder = imported_from("matrix-2024.csv", csv);
    assert_eq!(ladder.title, "matrix-2024");
}

#[test]
fn tables_of_a_row_per_expectation_read_as_sheets_export_them() {
    // A level written on its first row only (a sheet's merged cells, exported).
    let csv = "Level,Competency,Expectation\n\
               Associate Product Manager,Product sense,Writes clear user stories for defined problems.\n\
               ,Product sense,Understands the metrics of their feature area.\n\
               ,Execution,Runs sprint planning with the team.\n\
               Product Manager,Product sense,Defines the problem and success metrics.\n\
               ,Execution,Delivers roadmap items predictably.\n";
    let ladder = imported_from("pm.csv", csv);
    assert_eq!(
        level_titles(&ladder),
        ["Associate Product Manager", "Product Manager"]
    );
    assert_eq!(
        entry(&ladder, "Associate Product Manager", "Product sense"),
        [
            "Writes clear user stories for defined problems.",
            "Understands the metrics of their feature area."
        ]
    );
    // Short texts under a header that names the columns, in Korean, ranks as titles.
    let csv = "레벨,역량,기대 행동\n주니어,기술 역량,테스트를 작성한다.\n주니어,협업,도움을 요청한다.\n\
               시니어,기술 역량,시스템을 설계한다.\n리드,기술 역량,기술 방향을 정한다.\n리드,협업,팀을 이끈다.\n";
    let ladder = imported_from("levels.csv", csv);
    assert_eq!(level_titles(&ladder), ["주니어", "시니어", "리드"]);
    assert_eq!(entry(&ladder, "리드", "협업"), ["팀을 이끈다."]);
    // A track column headed in German, the levels down its rows.
    let csv = "Laufbahn;Stufe;Fachkompetenz;Sozialkompetenz\n\
               Fachlaufbahn;Junior Softwareentwickler;Setzt Aufgaben um.;Holt sich Hilfe.\n\
               Fachlaufbahn;Senior Softwareentwickler;Verantwortet die Architektur.;Coacht andere.\n\
               Führungslaufbahn;Teamleiter;Führt ein Team.;Gibt Feedback.\n\
               Führungslaufbahn;Abteilungsleiter;Führt mehrere Teams.;Entwickelt Führungskräfte.\n";
    let ladder = imported_from("stufen.csv", csv);
    let tracks: Vec<&str> = ladder.tracks.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tracks, ["Fachlaufbahn", "Führungslaufbahn"]);
    // ("Führung": the managers' track, by its name and by its levels' titles.)
    let kinds: Vec<ladder::model::TrackKind> = ladder.tracks.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            ladder::model::TrackKind::Ic,
            ladder::model::TrackKind::Manager
        ]
    );
    assert_eq!(
        entry(&ladder, "Teamleiter", "Fachkompetenz"),
        ["Führt ein Team."]
    );
}

#[test]
fn a_json_ladder_whose_levels_list_their_areas_keeps_every_area() {
    let json = r#"{"name": "Platform Levels", "levels": [
        {"id": "P1", "title": "Associate Platform Engineer", "summary": "Learns the platform.",
         "competencies": [
            {"name": "Technical depth", "expectations": ["Automates routine tasks.", "Learns Kubernetes."]},
            {"name": "Operations", "expectations": ["Shadows on-call."]}]},
        {"id": "P2", "title": "Platform Engineer", "summary": "Owns components.",
         "competencies": [
            {"name": "Technical depth", "expectations": ["Builds components."]},
            {"name": "Operations", "expectations": ["Is primary on-call."]}]}]}"#;
    let ladder = imported_from("levels.json", json);
    assert_eq!(
        level_titles(&ladder),
        ["Associate Platform Engineer", "Platform Engineer"]
    );
    let first = ladder.levels().next().unwrap().1;
    assert_eq!(first.description.as_deref(), Some("Learns the platform."));
    let areas: Vec<String> = expectations_by_area_name(&ladder, first)
        .into_keys()
        .collect();
    assert_eq!(areas, ["Operations", "Technical depth"]);
    assert_eq!(
        entry(&ladder, "Associate Platform Engineer", "Technical depth"),
        ["Automates routine tasks.", "Learns Kubernetes."]
    );
    // Each level's areas in the file's order.
    let ids: Vec<&str> = first.expectations.keys().map(String::as_str).collect();
    assert_eq!(ids, ["technical-depth", "operations"]);
}

#[test]
fn a_summary_column_of_a_level_per_row_describes_each_level() {
    let markdown = "| Level | Title | Summary | Customer focus |\n|---|---|---|---|\n\
                    | L1 | Support Engineer I | Resolves common tickets. | Responds within SLA |\n\
                    | L2 | Support Engineer II | Handles complex tickets. | Manages hard conversations |\n";
    let ladder = imported_from("support.md", markdown);
    let first = ladder.levels().next().unwrap().1;
    assert_eq!(
        first.description.as_deref(),
        Some("Resolves common tickets.")
    );
    let areas: Vec<String> = expectations_by_area_name(&ladder, first)
        .into_keys()
        .collect();
    assert_eq!(areas, ["Customer focus"]);
}

#[test]
fn a_cms_page_is_titled_by_its_article_not_by_the_site() {
    // WordPress: the page's title in the article's own `<header>`, the site's name after the
    // page's in `<title>`, the site's header and navigation around the article.
    let page = "<html><head><title>Career Ladder | Acme</title></head><body>\
        <header class=\"site-header\"><nav><a href=\"/\">Home</a></nav></header>\
        <main><article><header class=\"entry-header\"><h1>Engineering Career Ladder</h1></header>\
        <h2>Engineer I</h2><ul><li>Writes tests.</li></ul>\
        <h2>Engineer II</h2><ul><li>Designs features.</li></ul></article></main></body></html>";
    let ladder = imported_from("ladder.html", page);
    assert_eq!(ladder.title, "Engineering Career Ladder");
    assert_eq!(level_titles(&ladder), ["Engineer I", "Engineer II"]);
    let page = "<html><head><title>Career Ladder | Acme</title></head><body>\
        <h2>Engineer I</h2><ul><li>Writes tests.</li></ul>\
        <h2>Engineer II</h2><ul><li>Designs features.</li></ul></body></html>";
    assert_eq!(imported_from("ladder.html", page).title, "Career Ladder");
}

#[test]
fn levels_folded_into_details_are_titled_by_their_summaries() {
    // "Click a level to expand it": a `<details>` per level in GitHub Markdown, and Notion's
    // toggles (`<ul class="toggle"><li><details>`) in its HTML export.
    let level = |title: &str, craft: &str, team: &str| {
        format!(
            "<details>\n<summary><b>{title}</b></summary>\n\n**Craft**\n\n- {craft}\n\n\
             **Teamwork**\n\n- {team}\n\n</details>\n\n"
        )
    };
    let markdown = format!(
        "# Data Science Career Ladder\n\nClick a level to expand it.\n\n{}{}{}",
        level(
            "Data Scientist I",
            "Runs scoped analyses.",
            "Presents to the team."
        ),
        level("Data Scientist II", "Builds models.", "Explains results."),
        level(
            "Senior Data Scientist",
            "Designs experiments.",
            "Mentors others."
        )
    );
    let ladder = imported_from("ladder.md", &markdown);
    assert_eq!(
        level_titles(&ladder),
        [
            "Data Scientist I",
            "Data Scientist II",
            "Senior Data Scientist"
        ]
    );
    assert_eq!(
        entry(&ladder, "Data Scientist II", "Teamwork"),
        ["Explains results."]
    );
    let toggles = "<html><body><article><ul class=\"toggle\"><li><details open=\"\">\
        <summary><strong>Junior Engineer</strong></summary><p><strong>Craft</strong></p>\
        <ul><li>Writes tests.</li></ul><ul><li>Fixes bugs.</li></ul></details></li></ul>\
        <ul class=\"toggle\"><li><details open=\"\"><summary><strong>Senior Engineer</strong>\
        </summary><p><strong>Craft</strong></p><ul><li>Designs systems.</li></ul></details>\
        </li></ul></article></body></html>";
    let ladder = imported_from("Levels 0123456789abcdef0123456789abcdef.html", toggles);
    assert_eq!(
        level_titles(&ladder),
        ["Junior Engineer", "Senior Engineer"]
    );
    assert_eq!(
        entry(&ladder, "Junior Engineer", "Craft"),
        ["Writes tests.", "Fixes bugs."]
    );
}

#[test]
fn ladder_data_keyed_in_spanish_reads_as_the_same_keys_in_english() {
    let yaml = "titulo: Escalera de ingeniería\nniveles:\n\
                - nombre: Ingeniero Junior\n  descripcion: Aprende el oficio.\n  competencias:\n\
                \x20 - nombre: Técnica\n    expectativas:\n    - Escribe código con pruebas\n    - Corrige errores pequeños\n\
                - nombre: Ingeniero Senior\n  descripcion: Lidera proyectos.\n  competencias:\n\
                \x20 - nombre: Técnica\n    expectativas:\n    - Diseña sistemas\n";
    let ladder = imported_from("escalera.yaml", yaml);
    assert_eq!(
        level_titles(&ladder),
        ["Ingeniero Junior", "Ingeniero Senior"]
    );
    assert_eq!(
        entry(&ladder, "Ingeniero Junior", "Técnica"),
        ["Escribe código con pruebas", "Corrige errores pequeños"]
    );
    let first = ladder.levels().next().unwrap().1;
    assert_eq!(first.description.as_deref(), Some("Aprende el oficio."));
    assert_eq!(ladder.language.as_deref(), Some("es"));
}

#[test]
fn a_data_file_s_levels_with_a_map_of_their_areas_keep_each_area() {
    let yaml = "levels:\n- title: Engineer I\n  summary: Learns the tools.\n  competencies:\n\
                \x20   Technique:\n    - Runs the services from the runbooks\n\
                \x20   Collaboration:\n    - Joins the on-call rotation\n\
                - title: Engineer II\n  summary: Works on their own.\n  competencies:\n\
                \x20   Technique:\n    - Automates repeated tasks\n    - Designs useful alerts\n\
                \x20   Collaboration:\n    - Is on call alone\n";
    let ladder = imported_from("levels.yaml", yaml);
    assert_eq!(level_titles(&ladder), ["Engineer I", "Engineer II"]);
    assert_eq!(
        entry(&ladder, "Engineer II", "Technique"),
        ["Automates repeated tasks", "Designs useful alerts"]
    );
    let first = ladder.levels().next().unwrap().1;
    assert_eq!(first.description.as_deref(), Some("Learns the tools."));
}

#[test]
fn a_typescript_array_constant_with_its_type_reads_like_json() {
    let module = "export interface Level { title: string; expectations: string[] }\n\n\
                  export const levels: Level[] = [\n\
                  \x20 { title: \"Junior Engineer\", expectations: [\"Builds pages\", \"Writes tests\"] },\n\
                  \x20 { title: \"Engineer\", expectations: [\"Owns features\", \"Reviews code\"] },\n];\n";
    let ladder = imported_from("levels.ts", module);
    assert_eq!(level_titles(&ladder), ["Junior Engineer", "Engineer"]);
}

#[test]
fn a_data_file_s_levels_with_their_expectations_as_a_map_of_areas_keep_each_area() {
    let json = r#"{"title": "Frontend levels", "tracks": [{"name": "IC", "levels": [
        {"title": "Junior Engineer", "expectations": {"Tech": ["Builds pages", "Writes tests"], "Team": ["Asks for help"]}},
        {"title": "Engineer", "expectations": {"Tech": ["Owns features"], "Team": ["Reviews code"]}}]}]}"#;
    let ladder = imported_from("levels.json", json);
    assert_eq!(level_titles(&ladder), ["Junior Engineer", "Engineer"]);
    assert_eq!(
        entry(&ladder, "Junior Engineer", "Tech"),
        ["Builds pages", "Writes tests"]
    );
}

#[test]
fn a_sheet_with_a_corner_label_over_its_group_row_has_a_track_per_group() {
    // "Area" in the corner of the row of groups, over the levels' row's blank corner.
    let csv = "Area,Individual Contributor,,Management,\n\
               ,Engineer,Senior Engineer,Engineering Manager,Director\n\
               Technical,Ships features,Designs systems,Reviews designs,Sets architecture goals\n\
               People,Helps peers,Mentors engineers,Coaches the team,Develops managers\n";
    let ladder = imported_from("matrix.csv", csv);
    assert_eq!(
        track_sizes(&ladder),
        [
            ("Individual Contributor".to_owned(), 2),
            ("Management".to_owned(), 2)
        ]
    );
}

#[test]
fn a_data_file_s_levels_kept_as_a_map_keyed_by_code_are_its_levels_in_order() {
    let json = r#"{"title": "Frontend levels", "levels": {
        "P5": {"title": "Junior Engineer", "expectations": {"Tech": ["Builds pages", "Writes tests"], "Team": ["Asks for help"]}},
        "P6": {"title": "Engineer", "expectations": {"Tech": ["Owns features"], "Team": ["Reviews code"]}},
        "P4": {"expectations": {"Tech": ["Follows the guide"]}}}}"#;
    let ladder = imported_from("levels.json", json);
    assert_eq!(level_titles(&ladder), ["Junior Engineer", "Engineer", "P4"]);
    assert_eq!(entry(&ladder, "Engineer", "Team"), ["Reviews code"]);
}

/// A site's YAML data file that has `tracks` but is not this tool's source (its own keys:
/// `lang`, `competencies`) is read as data, saying so, in the language it declares; a ladder
/// source with a mistake in it, which reads as no data either, gets the loader's error.
#[test]
fn a_site_s_yaml_data_with_tracks_reads_as_data_and_a_broken_source_says_why() {
    let data = "lang: zh-TW\ntitle: 工程職涯階梯\nupdated: 2024-06-01\ntracks:\n  - id: ic\n    name: 個人貢獻者\n    \
                levels:\n      - id: E1\n        title: 軟體工程師 I\n        summary: 在指導下完成明確定義的工作。\n        \
                competencies:\n          - area: 技術能力\n            expectations:\n              - 撰寫具可讀性的程式碼並附上單元測試。\n              \
                - 能完成範圍明確的功能開發。\n      - id: E2\n        title: 軟體工程師 II\n        competencies:\n          \
                - area: 技術能力\n            expectations:\n              - 獨立設計中型功能。\n";
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("career.yaml");
    std::fs::write(&path, data).unwrap();
    let imported = ladder::inputs::import_file(&path).unwrap();
    let ladder = &imported.ladder;
    assert_eq!(ladder.language.as_deref(), Some("zh-TW"));
    assert_eq!(track_sizes(ladder), [("個人貢獻者".to_owned(), 2)]);
    let first = &ladder.tracks[0].levels[0];
    assert_eq!(
        level_texts(first),
        [
            "撰寫具可讀性的程式碼並附上單元測試。",
            "能完成範圍明確的功能開發。"
        ]
    );
    assert!(
        imported.warnings[0]
            .message
            .contains("unknown field `lang`"),
        "{:?}",
        imported.warnings
    );
    // This tool's own source with a misspelt key: the loader's error, with its line.
    let broken = folder.path().join("broken.yaml");
    std::fs::write(
        &broken,
        "title: Eng\nlangauge: en\nareas: []\ntracks:\n  - id: eng\n    name: Eng\n    levels: []\n",
    )
    .unwrap();
    let errors = ladder::inputs::import_file(&broken).unwrap_err();
    assert!(errors[0].message.contains("langauge"), "{errors:?}");
}

/// A site's list of roles, each titled and listing its sections of items, is a ladder whose
/// roles are levels and whose sections are areas: in a module with icon components, under
/// tracks in a bare list, and in Turkish keys.
#[test]
fn roles_that_list_their_sections_are_levels_with_areas() {
    let module = r#"import { Eye, Shield } from "lucide-react";
export const tracks: Track[] = [
  { id: "tech", name: "Jalur Teknis", roles: [
    { slug: "reviewer", name: "Reviewer", tagline: "Meninjau perubahan.", icon: Eye,
      sections: [
        { heading: "Persyaratan", items: ["Aktif berkontribusi minimal tiga bulan", "Dinominasikan oleh seorang maintainer"] },
        { heading: "Tanggung jawab", items: ["Meninjau pull request dalam lima hari kerja"] },
      ] },
    { slug: "maintainer", name: "Maintainer", icon: Shield,
      sections: [{ heading: "Tanggung jawab", items: ["Menentukan peta jalan dan jadwal rilis"] }] },
  ] },
  { id: "community", name: "Jalur Komunitas", roles: [
    { name: "Relawan Acara", sections: [{ heading: "Tanggung jawab", items: ["Membantu persiapan tempat dan registrasi peserta"] }] },
    { name: "Duta Komunitas", sections: [{ heading: "Tanggung jawab", items: ["Mengadakan meetup lokal minimal dua kali setahun"] }] },
  ] },
];
"#;
    let ladder = imported_from("roles.ts", module);
    assert_eq!(
        track_sizes(&ladder),
        [
            ("Jalur Teknis".to_owned(), 2),
            ("Jalur Komunitas".to_owned(), 2)
        ]
    );
    let reviewer = &ladder.tracks[0].levels[0];
    assert_eq!(reviewer.title, "Reviewer");
    assert_eq!(
        expectations_by_area_name(&ladder, reviewer)["Persyaratan"],
        [
            "Aktif berkontribusi minimal tiga bulan",
            "Dinominasikan oleh seorang maintainer"
        ]
    );
    assert_eq!(reviewer.description.as_deref(), Some("Meninjau perubahan."));
    let yaml = "baslik: Topluluk Rolleri\nroller:\n  - ad: Katılımcı\n    ozet: Soru soran herkes.\n    bolumler:\n      \
                - baslik: Beklentiler\n        maddeler:\n          - Davranış Kurallarına uymak\n  - ad: Bakımcı\n    bolumler:\n      \
                - baslik: Sorumluluklar\n        maddeler:\n          - Sürümleri yayımlamak\n          - Güvenlik bildirimlerini ele almak\n";
    let ladder = imported_from("roller.yaml", yaml);
    assert_eq!(track_sizes(&ladder), [("Topluluk Rolleri".to_owned(), 2)]);
    let keeper = &ladder.tracks[0].levels[1];
    assert_eq!(
        expectations_by_area_name(&ladder, keeper)["Sorumluluklar"],
        ["Sürümleri yayımlamak", "Güvenlik bildirimlerini ele almak"]
    );
}

/// A bare list of tracks, each named and listing its own levels (a site's `export default
/// tracks`), is that many tracks; a bare list of areas that each list the same rungs stays one
/// track whose areas they are.
#[test]
fn a_bare_list_of_named_entries_listing_their_own_levels_is_a_list_of_tracks() {
    let tracks = r#"const tracks = [
  { id: "ic", name: "Individual Contributor", levels: [
    { key: "IC1", title: "Software Engineer I", expectations: { Delivery: ["Ships small tasks with guidance from a peer."] } },
    { key: "IC2", title: "Software Engineer II", expectations: { Delivery: ["Owns features end to end, from plan to rollout."] } },
  ] },
  { id: "em", name: "Engineering Management", levels: [
    { key: "M1", title: "Engineering Manager", expectations: { People: ["Holds weekly one-on-ones with every report."] } },
  ] },
];
export default tracks;
"#;
    let ladder = imported_from("ladder.ts", tracks);
    assert_eq!(
        track_sizes(&ladder),
        [
            ("Individual Contributor".to_owned(), 2),
            ("Engineering Management".to_owned(), 1)
        ]
    );
    let areas = r#"[
  {"name": "Craft", "levels": [{"title": "Junior", "expectations": ["Writes tested code for small tasks."]},
                               {"title": "Senior", "expectations": ["Designs systems other teams build on."]}]},
  {"name": "Teamwork", "levels": [{"title": "Junior", "expectations": ["Asks for help when blocked for a day."]},
                                  {"title": "Senior", "expectations": ["Mentors the junior engineers weekly."]}]}
]"#;
    let ladder = imported_from("matrix.json", areas);
    assert_eq!(ladder.tracks.len(), 1, "{:#?}", track_sizes(&ladder));
    assert_eq!(level_titles(&ladder), ["Junior", "Senior"]);
}

/// A site's data in TOML (Hugo's `data/*.toml`): `[[level]]` tables in the singular, keys in
/// Catalan, each level's blocks of points its areas; a broken file's error names its line.
#[test]
fn toml_data_with_singular_tables_is_read_as_data() {
    let toml = "titol = \"Programa d'ambaixadors\"\n\n\
        [[nivell]]\nnom = \"Voluntari\"\nresum = \"Dona un cop de mà.\"\n\n  \
        [[nivell.bloc]]\n  titol = \"Requisits\"\n  punts = [\n    \"Haver acceptat el codi de conducta\",\n    \"Tenir un compte al fòrum\",\n  ]\n\n\
        [[nivell]]\nnom = \"Ambaixador\"\n\n  \
        [[nivell.bloc]]\n  titol = \"Què hi faràs\"\n  punts = [\"Organitzar dos tallers l'any\"]\n";
    let ladder = imported_from("ambaixadors.toml", toml);
    assert_eq!(level_titles(&ladder), ["Voluntari", "Ambaixador"]);
    assert_eq!(
        entry(&ladder, "Voluntari", "Requisits"),
        [
            "Haver acceptat el codi de conducta",
            "Tenir un compte al fòrum"
        ]
    );
    let folder = tempfile::tempdir().unwrap();
    let broken = folder.path().join("levels.toml");
    std::fs::write(&broken, "[[level]]\nname = \"Junior\"\nitems = [\"a\",\n").unwrap();
    let errors = ladder::import::import_file(&broken).unwrap_err();
    assert_eq!(errors[0].code, "bad-toml", "{errors:?}");
    assert_eq!(
        errors[0].position.map(|(line, _)| line),
        Some(4),
        "{errors:?}"
    );
}

/// A site's message file keeps every text under an id: roles in a map keyed by id, each
/// role's groups under keys of their own (`requirements: {title, items: {id: text}}`), and
/// numbered steps to join that are no rungs. Read as the roles in the file's order, each
/// group an area. And a level's `competencies: [{category, statements: [{text, examples}]}]`.
#[test]
fn data_keyed_by_ids_and_statements_by_category_are_read() {
    let messages = r#"{"Nav": {"home": "Головна", "docs": "Документація"},
 "Page": {"title": "Програма перекладачів",
  "roles": {
   "translator": {"name": "Перекладач", "summary": "Перекладає рядки.",
     "requirements": {"title": "Вимоги", "items": {"account": "Обліковий запис на Crowdin", "trial": "Пробний переклад 30 рядків"}},
     "duties": {"title": "Обов’язки", "items": {"glossary": "Перекладати відповідно до глосарію", "volume": "Перекладати 200 рядків на квартал"}}},
   "coordinator": {"name": "Мовний координатор",
     "requirements": {"title": "Вимоги", "items": {"tenure": "Щонайменше 6 місяців роботи редактором", "support": "Підтримка більшості редакторів"}},
     "duties": {"title": "Обов’язки", "items": {"release": "Перевіряти повноту перекладу", "onboarding": "Приймати нових перекладачів"}}}
  },
  "howToJoin": {"title": "Як долучитися", "steps": {"1": "Зареєструйтеся на Crowdin.", "2": "Виконайте пробний переклад.", "3": "Чекайте відповіді."}}}}"#;
    let ladder = imported_from("uk.json", messages);
    assert_eq!(level_titles(&ladder), ["Перекладач", "Мовний координатор"]);
    assert_eq!(
        entry(&ladder, "Перекладач", "Вимоги"),
        ["Обліковий запис на Crowdin", "Пробний переклад 30 рядків"]
    );
    let statements = r#"{"framework": "Progression", "levels": [
  {"code": "DS1", "title": "Associate", "competencies": [
    {"category": "Technical craft", "statements": [
      {"text": "Writes reproducible analyses in Python and SQL.", "examples": ["Pins package versions"]},
      {"text": "Applies standard statistical tests correctly."}]},
    {"category": "Communication", "statements": [{"text": "Presents findings with clear charts."}]}]},
  {"code": "DS2", "title": "Data Scientist", "competencies": [
    {"category": "Technical craft", "statements": [{"text": "Chooses methods that fit the question."}]},
    {"category": "Leadership", "statements": []}]}]}"#;
    let ladder = imported_from("progression.json", statements);
    assert_eq!(level_titles(&ladder), ["Associate", "Data Scientist"]);
    assert_eq!(
        entry(&ladder, "Associate", "Technical craft"),
        [
            "Writes reproducible analyses in Python and SQL.",
            "Applies standard statistical tests correctly."
        ]
    );
    let (_, associate) = ladder.levels().next().unwrap();
    assert_eq!(examples_of(&ladder, associate), ["Pins package versions"]);
}

/// Levels as columns after three label columns (a group merged down, the area, its
/// description), a row under the codes labelled only in the description column ("Title"):
/// the codes are titled by that row, the areas are the second column.
#[test]
fn a_title_row_labelled_in_the_description_column_titles_the_level_codes() {
    let csv = "Group;Area;Description;S1;S2;S3\n\
        ;;Title;Junior Security Engineer;Security Engineer;Senior Security Engineer\n\
        Technical;Application security;Secure development, code review, testing;Knows the OWASP Top 10.;Reviews pull requests for security.;Models threats for new services.\n\
        ;Cloud security;AWS, Kubernetes, networks, IAM;Checks cloud settings with a checklist.;Writes policies as code.;Designs the account structure.\n\
        Influence;Communication;Explaining risks, writing;Describes findings clearly.;Explains risks to product owners.;Presents to the leadership team.\n";
    let ladder = imported_from("matrix.csv", csv);
    assert_eq!(
        level_titles(&ladder),
        [
            "Junior Security Engineer",
            "Security Engineer",
            "Senior Security Engineer"
        ]
    );
    assert_eq!(
        entry(&ladder, "Security Engineer", "Cloud security"),
        ["Writes policies as code."]
    );
}

/// A row spanning a table of levels that names a band of them by their plural ("Senior
/// levels") groups the rows after it in one track; a row naming a track ("Management") starts
/// one.
#[test]
fn a_row_naming_a_band_of_levels_is_no_track() {
    let html = |first: &str, second: &str| {
        format!(
            "<html><body><h1>Ladder</h1><table>\
             <tr><th>Level</th><th>Technical skills</th><th>Autonomy</th></tr>\
             <tr><td colspan=3><b>{first}</b></td></tr>\
             <tr><td>Junior Developer</td><td>Writes tested code for small tasks.</td><td>Asks for help when blocked.</td></tr>\
             <tr><td>Developer</td><td>Builds features across components.</td><td>Works without daily guidance.</td></tr>\
             <tr><td colspan=3><b>{second}</b></td></tr>\
             <tr><td>Senior Developer</td><td>Designs systems for the team.</td><td>Leads projects of several weeks.</td></tr>\
             <tr><td>Principal Developer</td><td>Sets technical direction for the company.</td><td>Owns the strategy of a domain.</td></tr>\
             </table></body></html>"
        )
    };
    let ladder = imported_from(
        "ladder.html",
        &html("Junior and mid levels", "Senior levels"),
    );
    assert_eq!(ladder.tracks.len(), 1, "{:?}", track_sizes(&ladder));
    assert_eq!(ladder.tracks[0].levels.len(), 4);
    let ladder = imported_from(
        "ladder.html",
        &html("Individual contributors", "Management"),
    );
    assert_eq!(ladder.tracks.len(), 2, "{:?}", track_sizes(&ladder));
}

/// An accordion titles each panel with a button inside its heading: the button's text is the
/// heading's (a page's other buttons stay out of the ladder).
#[test]
fn a_button_inside_a_heading_titles_it() {
    let html = "<html><body><h1>Pathway</h1><button>Accept cookies</button><div class=accordion>\
        <h3><button aria-expanded=false>Research Software Engineer</button></h3><div hidden>\
        <h4>Key responsibilities</h4><ul><li>Develops research software with academics.</li><li>Writes tests for the code.</li></ul></div>\
        <h3><button aria-expanded=false>Senior Research Software Engineer</button></h3><div hidden>\
        <h4>Key responsibilities</h4><ul><li>Leads the design of research platforms.</li><li>Mentors engineers of the team.</li></ul></div>\
        </div></body></html>";
    let ladder = imported_from("pathway.html", html);
    assert_eq!(
        level_titles(&ladder),
        [
            "Research Software Engineer",
            "Senior Research Software Engineer"
        ]
    );
    let yaml = serde_yaml::to_string(&ladder).unwrap();
    assert!(!yaml.contains("Accept cookies"), "{yaml}");
}

/// A governance file written for a terminal (`GOVERNANCE.txt`): numbered section titles,
/// indented paragraphs, `a)` and `-` items under plain labels, hard-wrapped. Its roles are the
/// levels, its labels the areas, a wrapped item one expectation.
#[test]
fn a_plain_text_governance_file_reads_as_its_layout_means() {
    let text = "                Widget Governance\n                =================\n\n\
        1. Roles\n--------\n\n1.1 Committers\n\n   Committers merge patches.\n\n   Requirements:\n\n\
        \x20    a) a record of ten accepted patches over six\n        months;\n     b) two substantial reviews.\n\n\
        \x20  Responsibilities:\n\n     - review patches on the list within a week;\n     - keep the build green.\n\n\
        1.2 PMC members\n\n   Requirements:\n\n     a) one year as a committer;\n     b) a vote of the PMC.\n\n\
        \x20  Responsibilities:\n\n     - vote on releases;\n     - handle security reports.\n\n\
        2. Decision making\n------------------\n\nLazy consensus on the list.\n";
    let ladder = imported_from("GOVERNANCE.txt", text);
    assert_eq!(level_titles(&ladder), ["Committers", "PMC members"]);
    // (A wrapped line is a soft break of the item's Markdown: one space to its reader.)
    let requirements: Vec<String> = entry(&ladder, "Committers", "Requirements")
        .iter()
        .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        requirements,
        [
            "a record of ten accepted patches over six months;",
            "two substantial reviews."
        ]
    );
}

/// A sheet's legend (`N/A | Not expected at this level`) and a document's table of versions
/// (`Version | Date | Changes`) are kept as prose, not read as tracks of levels.
#[test]
fn a_legend_and_a_change_log_are_no_levels() {
    let csv = "Group,Competency,SE1,SE2,SE3,SE4\n\
        Technical,Discovery,Runs the standard demo.,Tailors demos.,Leads complex demos.,Designs the demo program.\n\
        ,Depth,Explains the architecture.,Builds proofs of concept.,Designs integrations.,Sets the technical strategy.\n\
        ,,,,,\nLegend,,,,,\nN/A,Not expected at this level,,,,\nSame as …,No change from the level named,,,,\n\
        ,,,,,\nVersion,Date,Changes,,,\nV2.0,2025-03-02,Added the depth row.,,,\n";
    let ladder = imported_from("matrix.csv", csv);
    assert_eq!(track_sizes(&ladder).len(), 1, "{:?}", track_sizes(&ladder));
    assert_eq!(level_titles(&ladder), ["SE1", "SE2", "SE3", "SE4"]);
    let yaml = serde_yaml::to_string(&ladder).unwrap();
    assert!(yaml.contains("Not expected at this level"), "{yaml}");
    assert!(yaml.contains("Added the depth row."), "{yaml}");
}

/// A built site's headings carry a hidden anchor link whose text is a zero-width space: the
/// titles are the words shown.
#[test]
fn a_heading_s_zero_width_anchor_is_no_part_of_its_title() {
    let html = "<html><body><h1>Maintainer ladder</h1>\
        <h2 class=anchor>Reviewer<a class=hash-link href=#reviewer>&#8203;</a></h2>\
        <p><strong>Requirements:</strong></p><ul><li>Reviewed ten pull requests.</li><li>Knows the codebase well.</li></ul>\
        <h2 class=anchor>Maintainer<a class=hash-link href=#maintainer>&#8203;</a></h2>\
        <p><strong>Requirements:</strong></p><ul><li>Six months as a reviewer.</li><li>Nominated by a maintainer.</li></ul>\
        </body></html>";
    let ladder = imported_from("ladder.html", html);
    assert_eq!(level_titles(&ladder), ["Reviewer", "Maintainer"]);
}

/// Levels as rows with a grade code, a post title column (`役職名`) and years of experience
/// written without spaces (`1年目〜`, `3年以上`): the title titles the level, the years are
/// its experience, not expectations.
#[test]
fn a_post_title_column_and_unspaced_years_in_japanese() {
    let csv = "等級,役職名,目安の経験年数,信頼性,自動化\n\
        G1,アソシエイトSREエンジニア,1年目〜,\"・SLOと監視項目を理解している\n・アラートの意味を説明できる\",・既存のTerraformを読んで小さな変更ができる\n\
        G2,SREエンジニア,3年以上,・担当サービスのSLOを設計できる,・手作業を自動化して削減できる\n\
        G3,シニアSREエンジニア,5年以上,・複数サービスの信頼性を改善できる,・自動化の基盤を設計できる\n";
    let ladder = imported_from("等級.csv", csv);
    assert_eq!(
        level_titles(&ladder),
        [
            "アソシエイトSREエンジニア",
            "SREエンジニア",
            "シニアSREエンジニア"
        ]
    );
    let first = &ladder.tracks[0].levels[0];
    assert_eq!(
        first.experience.as_ref().map(|years| years.text.as_str()),
        Some("1年目〜")
    );
    assert_eq!(
        entry(&ladder, "アソシエイトSREエンジニア", "信頼性"),
        ["SLOと監視項目を理解している", "アラートの意味を説明できる"]
    );
}
