//! One test per document shape the interpreter reads.
use std::path::Path;

use crate::model::Ladder;

fn import(name: &str, text: &str) -> Ladder {
    match crate::import::import_text(Path::new(name), text) {
        Ok(imported) => imported.ladder,
        Err(errors) => panic!("{name}: {errors:?}"),
    }
}

/// (track name, level titles, expectations per level) of every track.
fn shape(ladder: &Ladder) -> Vec<(String, Vec<String>, Vec<usize>)> {
    ladder
        .tracks
        .iter()
        .map(|track| {
            (
                track.name.clone(),
                track.levels.iter().map(|l| l.title.clone()).collect(),
                track
                    .levels
                    .iter()
                    .map(|l| l.expectations.values().map(Vec::len).sum())
                    .collect(),
            )
        })
        .collect()
}

/// Every level's title, track after track.
fn level_titles(ladder: &Ladder) -> Vec<String> {
    shape(ladder)
        .into_iter()
        .flat_map(|(_, titles, _)| titles)
        .collect()
}

/// (level titles, expectations per level) of every track.
fn titles_and_counts(ladder: &Ladder) -> Vec<(Vec<String>, Vec<usize>)> {
    shape(ladder)
        .into_iter()
        .map(|(_, titles, counts)| (titles, counts))
        .collect()
}

/// (area name, expectation texts) of one level, in its order.
fn texts_by_area(ladder: &Ladder, track: usize, level: usize) -> Vec<(String, Vec<String>)> {
    ladder.tracks[track].levels[level]
        .expectations
        .iter()
        .map(|(id, items)| {
            let area = ladder.areas.iter().find(|area| &area.id == id).unwrap();
            (
                area.name.clone(),
                items.iter().map(|item| item.text.clone()).collect(),
            )
        })
        .collect()
}

#[test]
fn headings_for_levels_and_areas() {
    let ladder = import(
        "a.md",
        "# Eng\n\n## Junior\n\n### Craft\n\n- Writes code\n- Tests it\n\n### Impact\n\n- Ships\n\n## Senior\n\n### Craft\n\n- Designs\n",
    );
    assert_eq!(
        shape(&ladder),
        vec![(
            "Eng".into(),
            vec!["Junior".into(), "Senior".into()],
            vec![3, 1]
        )]
    );
    assert_eq!(ladder.areas.len(), 2);
}

#[test]
fn bold_area_lines_under_level_headings() {
    let ladder = import(
        "b.md",
        "# Platform\n\n## Engineer I\n\n**Scope:** One service.\n**Impact:** Ships.\n\n## Engineer II\n\n**Scope:** A system.\n",
    );
    let (_, titles, counts) = &shape(&ladder)[0];
    assert_eq!(titles, &["Engineer I", "Engineer II"]);
    assert_eq!(counts, &[2, 1]);
}

#[test]
fn bold_label_bullets() {
    let ladder = import(
        "c.md",
        "# Support\n\n## Associate\n\n* **Customers**: Answers tickets.\n* **Product**: Learns it.\n\n## Specialist\n\n* **Customers**: Escalations.\n",
    );
    assert_eq!(shape(&ladder)[0].2, vec![2, 1]);
    assert_eq!(ladder.areas[0].name, "Customers");
}

#[test]
fn a_pipe_table_with_levels_as_columns() {
    let ladder = import(
        "d.md",
        "# Data\n\n| Area | Junior | Senior |\n|---|---|---|\n| Craft | Writes SQL<br>Learns dbt | Designs |\n| Impact | Fixes jobs | Sets strategy |\n",
    );
    let (_, titles, counts) = &shape(&ladder)[0];
    assert_eq!(titles, &["Junior", "Senior"]);
    assert_eq!(counts, &[3, 2]);
}

#[test]
fn a_pipe_table_with_levels_as_rows() {
    let ladder = import(
        "e.md",
        "# Data\n\n| Level | Craft | Impact |\n|---|---|---|\n| Junior | Writes SQL | Fixes jobs |\n| Senior | Designs | Sets strategy |\n",
    );
    let (_, titles, counts) = &shape(&ladder)[0];
    assert_eq!(titles, &["Junior", "Senior"]);
    assert_eq!(counts, &[2, 2]);
}

#[test]
fn an_html_cell_s_breaks_and_paragraphs_separate_its_expectations() {
    // MDX keeps a table whose cells hold blank lines as one element; `<br />` breaks a line.
    let ladder = import(
        "g.mdx",
        "# Tiers\n\n<table>\n  <tr><th>Tier</th><th>Requirements</th></tr>\n  <tr>\n    <th>Committer</th>\n    <td>\n      ~5 points in issues\n\n      ~15 points total\n      <br />2 of 4 active months\n    </td>\n  </tr>\n  <tr><th>Maintainer</th><td>~30 points total</td></tr>\n</table>\n",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [(
            String::from("Requirements"),
            vec![
                String::from("~5 points in issues"),
                String::from("~15 points total"),
                String::from("2 of 4 active months")
            ]
        )]
    );
}

#[test]
fn a_list_indented_as_code_under_a_paragraph_is_a_list() {
    let ladder = import(
        "h.md",
        "# Roles\n\n## Triager\n\nTriagers may do the following:\n\n    - Label issues\n    - Close issues\n\n## Collaborator\n\n- Merge pull requests\n- Review pull requests\n",
    );
    let (titles, _) = &titles_and_counts(&ladder)[0];
    assert_eq!(titles, &["Triager", "Collaborator"]);
    let texts: Vec<String> = texts_by_area(&ladder, 0, 0)
        .into_iter()
        .flat_map(|(_, texts)| texts)
        .collect();
    assert!(texts.contains(&String::from("Label issues")), "{texts:?}");
    assert!(texts.contains(&String::from("Close issues")), "{texts:?}");
}

#[test]
fn an_html_row_with_more_cells_than_its_header_keeps_them() {
    let ladder = import(
        "f.html",
        "<html><body><h1>Ops</h1><table><tr><th>Level</th><th>Craft</th></tr>\
         <tr><td>One</td><td>Fixes</td><td>Extra cell</td></tr><tr></tr></table></body></html>",
    );
    let (_, titles, counts) = &shape(&ladder)[0];
    assert_eq!(titles, &["One"]);
    assert_eq!(counts, &[2]);
}

#[test]
fn front_matter_that_holds_the_whole_ladder() {
    let ladder = import(
        "g.md",
        "---\ntitle: Whole\ntracks:\n  - id: t\n    name: T\n    kind: ic\n    levels:\n      - id: t-1\n        title: One\n---\n\nIgnored body.\n",
    );
    assert_eq!(ladder.title, "Whole");
    assert_eq!(ladder.levels().count(), 1);
}

#[test]
fn a_list_of_positions_with_links() {
    let ladder = import(
        "h.md",
        "# Roles\n\n- **Engineering**\n  - [Engineer I (E1)](e1.md) **Builds** things\n  - [Engineer II (E2)](e2.md)\n- **Design**\n  - [Designer](d.md)\n",
    );
    let shape = shape(&ladder);
    assert_eq!(shape.len(), 2, "{shape:?}");
    assert_eq!(shape[0].1, vec!["Engineer I", "Engineer II"]);
    assert_eq!(ladder.tracks[0].levels[0].code.as_deref(), Some("E1"));
}

#[test]
fn a_document_without_levels_is_an_error_not_a_panic() {
    let result = crate::import::import_text(Path::new("i.md"), "Just a paragraph.\n");
    assert!(result.is_err());
}

/// A GitHub pipe table: bold rows name groups, italic rows the competencies in them.
const GROUPED_PIPE_TABLE: &str = "# Data engineering\n\n\
| Competency | Junior | Mid | Senior |\n|---|---|---|---|\n\
| **Craft** | | | |\n\
| *Data modelling* | Follows the team's models | Designs models for a domain | Sets standards |\n\
| *Pipelines* | Fixes failing jobs<br>Adds tests | Builds pipelines end to end | |\n\
| **Impact** | | | |\n\
| *Stakeholders* | Answers questions | Runs discovery | Shapes the roadmap |\n";

#[test]
fn a_pipe_table_with_bold_group_rows_and_italic_competencies() {
    let ladder = import("g.md", GROUPED_PIPE_TABLE);
    let (_, titles, counts) = &shape(&ladder)[0];
    assert_eq!(titles, &["Junior", "Mid", "Senior"]);
    assert_eq!(counts, &[4, 3, 2]);
    let areas: Vec<(&str, Option<&str>)> = ladder
        .areas
        .iter()
        .map(|area| (area.name.as_str(), area.description.as_deref()))
        .collect();
    assert_eq!(
        areas,
        [
            ("Data modelling", Some("Craft")),
            ("Pipelines", Some("Craft")),
            ("Stakeholders", Some("Impact"))
        ]
    );
}

#[test]
fn label_bullets_over_nested_lists_name_areas_in_any_script() {
    let markdown = "# Roles\n\n## Member\n\n- Requirements:\n  - Contributes regularly\n  - Enabled two-factor authentication\n- Responsibilities and privileges\n  - Reviews pull requests\n- How users can get involved with the community:\n  - Attending community events\n\n## Maintainer\n\n- 要求：\n  - 持续贡献代码\n- Requirements\n  - Owns a component\n";
    let (_, blocks) = crate::import::outline::markdown(markdown);
    let interpreter = super::Interpreter::new(std::path::Path::new("roles.md"));
    let imported = interpreter.read(&blocks).unwrap();
    let ladder = &imported.ladder;
    let names: Vec<&str> = ladder.areas.iter().map(|area| area.name.as_str()).collect();
    for wanted in [
        "Requirements",
        "Responsibilities and privileges",
        "How users can get involved with the community",
        "要求",
    ] {
        assert!(names.contains(&wanted), "{wanted} in {names:?}");
    }
    let member = &ladder.tracks[0].levels[0];
    assert_eq!(member.title, "Member");
    let requirements = ladder
        .areas
        .iter()
        .find(|area| area.name == "Requirements")
        .unwrap();
    assert_eq!(
        member.expectations[&requirements.id],
        ["Contributes regularly", "Enabled two-factor authentication"]
    );
}

#[test]
fn a_promotion_names_the_level_it_leads_to() {
    use super::reading::promotion_target;
    for (text, target) in [
        ("Member → Reviewer", "Reviewer"),
        ("Promotion from Member to Approver", "Approver"),
        ("From Reviewer to a Maintainer:", "Maintainer"),
        (
            "决定成员是否可由 Contributor 晋升为 Active Contributor：",
            "Active Contributor",
        ),
    ] {
        assert_eq!(promotion_target(text).as_deref(), Some(target), "{text}");
    }
    for text in [
        "Code review → merge",
        "How to become a Reviewer",
        "İstanbul from A to B",
        "From time to time",
    ] {
        assert_eq!(promotion_target(text), None, "{text}");
    }
}

#[test]
fn the_section_titled_as_the_roles_holds_the_levels() {
    // The licence section's first sub-heading names a role in passing, and one role's title
    // ("用户", users) is no word of the role vocabulary but the whole title: the levels are the
    // sub-headings of the one section titled as the roles, all of them.
    let ladder = import(
        "a.md",
        "# 管理文档\n\n## 许可证\n\n许可证的说明。\n\n### 贡献者许可协议 (CLA)\n\n- 签署 ICLA\n- 签署 CCLA\n\n### 第三方库许可证\n\n- MIT\n\n### 插件许可证\n\n- GPL\n\n## 项目角色\n\n### 管理委员会\n\n- 代表项目\n- 解决争议\n\n### 核心提交者\n\n- 推送核心\n\n### 本地化贡献者\n\n- 翻译资源\n\n### 用户\n\n- 提交错误报告\n\n## 沟通\n\n### 邮件列表\n\n- 用户列表\n",
    );
    assert_eq!(
        shape(&ladder),
        vec![(
            "项目角色".to_owned(),
            vec![
                "管理委员会".to_owned(),
                "核心提交者".to_owned(),
                "本地化贡献者".to_owned(),
                "用户".to_owned()
            ],
            vec![2, 1, 1, 1]
        )]
    );
}

#[test]
fn sections_on_a_part_of_a_role_written_after_the_roles_join_them() {
    // The roles are defined in a sentence each; what each does and how to reach it comes after,
    // in sections of their own. A procedure section whose sub-headings are half short titles
    // ("Voluntary step-out") does not hold levels.
    let ladder = import(
        "k.md",
        "# Committee\n\n## Roles\n\n### Maintainers\n\nMaintainers vote.\n\n### Committers\n\nCommitters merge.\n\n## Responsibilities of a maintainer\n\n- Set the roadmap\n- Mentor contributors\n\n## Process to become a committer\n\n- Contribute for six months\n\n## Responsibilities of a committer\n\n- Review pull requests\n\n## Adding or removing members\n\n### Voluntary step-out\n\nText.\n\n### Step-up procedure\n\nText.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Maintainers", "Committers"].map(String::from)
    );
    let areas = |level| -> Vec<String> {
        texts_by_area(&ladder, 0, level)
            .into_iter()
            .map(|(area, _)| area)
            .collect()
    };
    assert!(
        areas(0).contains(&String::from("Responsibilities of a maintainer")),
        "{:?}",
        areas(0)
    );
    assert!(
        areas(1).contains(&String::from("Process to become a committer")),
        "{:?}",
        areas(1)
    );
    assert!(
        areas(1).contains(&String::from("Responsibilities of a committer")),
        "{:?}",
        areas(1)
    );
}

#[test]
fn the_steps_of_a_section_on_processes_are_no_levels() {
    // (The roles are named under "Decision Making" first: the processes lie between level-like
    // headings, where a heading the word list does not know would be taken for a level.)
    let ladder = import(
        "p.md",
        "# Governance\n\n## Decision Making\n\n### Maintainers\n\n- Maintainers vote.\n\n### Committers\n\n- Committers propose.\n\n## Processes\n\n### Proposing Changes\n\n1. Open an issue.\n2. Open a pull request.\n\n### Conflict Resolution\n\n1. Talk it over.\n\n## Roles and Responsibilities\n\n### Maintainers\n\n- Resolve conflicts.\n\n### Committers\n\n- Review pull requests.\n\n### Community Members\n\n- Contribute.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Maintainers", "Committers", "Community Members"].map(String::from)
    );
}

#[test]
fn a_tiered_list_under_a_roles_heading_and_nested_ways_to_its_tiers() {
    // The heading over the list ("Maintainer Roles") reads like a level but is the list's own;
    // the way to the senior tier, inside the section on becoming a maintainer, is the senior
    // tier's only.
    let ladder = import(
        "s.md",
        "# Gov\n\n## Committee\n\n### Maintainer Roles\n\nA three-tiered system of roles:\n\n* [Leaders](o.md#l)\n  * Set the strategy.\n  * Speak for the project.\n* [Senior Maintainers](o.md#s)\n  * Own the resources.\n* [Maintainers](o.md#m)\n  * Review pull requests.\n\n### Maintainer Activities\n\n* Triage issues.\n\n## Becoming a Maintainer\n\nAny contribution is welcome.\n\n### How to become a Maintainer?\n\n* Contribute for three months.\n\n### How to become a Senior Maintainer?\n\n* Serve as a maintainer for a year.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Leaders", "Senior Maintainers", "Maintainers"].map(String::from)
    );
    let texts = |level| -> Vec<String> {
        texts_by_area(&ladder, 0, level)
            .into_iter()
            .flat_map(|(_, texts)| texts)
            .collect()
    };
    let senior = String::from("Serve as a maintainer for a year.");
    assert!(texts(1).contains(&senior), "{:?}", texts(1));
    assert!(!texts(2).contains(&senior), "{:?}", texts(2));
    assert!(
        texts(2).contains(&String::from("Contribute for three months.")),
        "{:?}",
        texts(2)
    );
}

#[test]
fn a_last_section_titled_as_a_kind_of_the_levels_is_a_level() {
    // "Stewardship Team" reads like no level by its words, after the last that does ("Growth
    // Manager"); it ends as "Core Team" and "Docs Team" do: one more team.
    let ladder = import(
        "q.md",
        "# Gov\n\n## Community Contributors\n\nContributors help.\n\n## Core Team\n\nThe core team builds.\n\n#### Nomination\n\nBy vote.\n\n## Docs Team\n\nDocs.\n\n#### Nomination\n\nBy vote.\n\n## Growth Manager\n\nThe Growth Manager oversees.\n\n## Stewardship Team\n\nThe stewards are in charge.\n\nThey break ties.\n",
    );
    assert_eq!(
        level_titles(&ladder).last().map(String::as_str),
        Some("Stewardship Team")
    );
}

#[test]
fn the_people_a_sentence_says_hold_a_role_are_no_expectations() {
    let ladder = import(
        "r.md",
        "# Roles\n\n## Reviewer\n\n- Review pull requests.\n- Triage issues.\n\nCurrent reviewers are:\n\n- Julia B., UNSW\n- Christopher Guikema, Dornerworks\n\n## Committer\n\n- Merge pull requests.\n\nThe committers include the following people:\n\n- Ryan Barry, Proofcraft\n- Axel Heider\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![String::from("Reviewer"), String::from("Committer")],
            vec![2, 1]
        )]
    );
    let description = ladder.tracks[0].levels[0]
        .description
        .clone()
        .unwrap_or_default();
    assert!(description.contains("Julia B., UNSW"), "{description}");
}

#[test]
fn how_a_role_is_removed_or_retired_describes_the_level() {
    let ladder = import(
        "m.md",
        "# Roles\n\n## Contributors\n\n#### Duties\n\n- Follow the guidelines.\n\n## Maintainers\n\n#### Duties\n\n- Review pull requests.\n\n#### Removing a Maintainer\n\nMaintainers may resign at any time.\n\n- Inactive for two years\n\n#### Retiring a Maintainer\n\nA retired maintainer keeps the forum.\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![String::from("Contributors"), String::from("Maintainers")],
            vec![1, 1]
        )]
    );
    let description = ladder.tracks[0].levels[1]
        .description
        .clone()
        .unwrap_or_default();
    assert!(description.contains("may resign"), "{description}");
    assert!(description.contains("keeps the forum"), "{description}");
}

#[test]
fn sections_on_handling_roles_procedures_and_former_members_are_prose_among_prose_roles() {
    // Roles described in paragraphs only, a section on adding people between them, one whose
    // sub-headings are all procedures and one on emeritus members after them: only the roles
    // are levels.
    let ladder = import(
        "a.md",
        "# Governance\n\n## Reviewers\n\nReviewers review pull requests and triage issues.\n\n## Committers\n\nCommitters merge pull requests and cut releases.\n\n## Adding maintainers\n\nA maintainer is added by a vote of two thirds.\n\n## Security advisors\n\nSecurity advisors answer embargoed reports.\n\n## Subprojects\n\nSubprojects are core or not.\n\n### Adding core subprojects\n\n- Open a proposal\n- Get two thirds of the votes\n\n### Changing the status of subprojects\n\n- Open an issue\n\n## Emeritus maintainers\n\nFormer maintainers keep their title.\n",
    );
    let titles: Vec<Vec<String>> = shape(&ladder)
        .into_iter()
        .map(|(_, titles, _)| titles)
        .collect();
    assert_eq!(titles, [["Reviewers", "Committers", "Security advisors"]]);
}

#[test]
fn a_tracks_introduction_is_kept_text_whichever_way_it_is_read() {
    // Two tracks of prose rungs, each introduced by paragraphs: read without tracks, the
    // introductions are prose sections; read with them, the tracks' summaries. Either way they
    // are kept, so they do not tip the choice to the reading that merges the tracks into one.
    let text = "# Career Development\n\n## Engineering\n\nThere are multiple levels for engineering roles, assigned on hiring and reviewed by managers periodically to check that the level is still appropriate.\n\n### Individual Contributor\n\nIndividual contributors are all engineers that do not exercise any kind of management activity, promoted on their merits.\n\n#### Junior Engineer\n\nJunior Engineers work autonomously on small tasks and fix bugs in a codebase they know.\n\n#### Engineer I\n\nEngineers (I) work comfortably on small tasks without supervision and understand the impact of their changes.\n\n#### Senior Engineer\n\nSenior Engineers lead the design of full features and mentor other team members as needed.\n\n### Management\n\nManagement roles in engineering have similar expectations as individual contributor roles in terms of engineering skills. They, however, imply managing a team or participating intensively in higher-level decision-making processes.\n\nDue to the nature of these roles, they are limited in number, so promotion is not automatically available on reviews and depends on the opening of a new position.\n\n#### Team Lead\n\nA Team Lead is equivalent to a Senior Engineer who also manages a small team of engineers.\n\n#### VP of Engineering\n\nThe VP of Engineering manages the engineering team on a daily basis.\n";
    let ladder = import("a.md", text);
    let tracks: Vec<(String, usize)> = shape(&ladder)
        .into_iter()
        .map(|(name, titles, _)| (name, titles.len()))
        .collect();
    assert_eq!(
        tracks,
        [
            ("Individual Contributor".to_owned(), 3),
            ("Management".to_owned(), 2)
        ]
    );
}

#[test]
fn roles_described_only_as_ways_to_reach_them_are_the_levels() {
    // The page's sections before them (a path of steps, a file's table of statuses) are its
    // introduction; the roles are titled as the headings name them.
    let ladder = import(
        "a.md",
        "# The role of maintainers\n\nMaintainers look after an area of code.\n\n## The MAINTAINERS file\n\nThe file lists who maintains what.\n\n| Status | Meaning |\n|---|---|\n| Supported | Someone is paid to look after it |\n| Orphan | No current maintainer |\n\n## Becoming a reviewer\n\n- Review patches on the list\n- Add Reviewed-by tags\n\n## Becoming a maintainer\n\n- Send a patch to MAINTAINERS\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec!["reviewer".to_owned(), "maintainer".to_owned()],
            vec![2, 1]
        )]
    );
    // A role with a section of its own is described there: its "Becoming" section is a step.
    for (text, role) in [
        ("# Roles\n\n## Reviewer\n\n- Reviews\n\n## Maintainer\n\n- Merges\n\n## Becoming a reviewer\n\n- Ask\n\n## Becoming a maintainer\n\n- Be nominated\n", "reviewer"),
        ("# Roles\n\n## About reviewers\n\n- Reviews\n\n### Becoming a reviewer\n\n- Ask\n\n## About maintainers\n\n- Merges\n\n### Becoming a maintainer\n\n- Be nominated\n", "reviewer"),
        // The section the step is in is titled as a role, in another language.
        ("# 角色\n\n## 项目管理委员会（Maintainers）\n\n### 责任\n\n- 制定路线图\n\n### 成为维护者\n\n- 长期贡献\n\n## 项目开发委员会（Committers）\n\n### 责任\n\n- 审核代码\n\n### 成为提交者\n\n- 贡献补丁\n", "维护者"),
    ] {
        let titles: Vec<String> = level_titles(&import("a.md", text));
        assert!(!titles.contains(&role.to_owned()), "{titles:?} for {text}");
    }
}

#[test]
fn a_path_to_a_role_beside_its_section_is_part_of_that_role() {
    // "Path to Becoming a Committer" after "Committers", both `##`: the path is the role's,
    // an area of it, not prose and not a level.
    let ladder = import(
        "a.md",
        "# Roles\n\n## Contributors\n\n### Duties\n\n- Send patches\n- Review others' patches\n\n## Committers\n\n### Duties\n\n- Merge patches\n\n## Path to Becoming a Committer\n\n- Read the guidelines\n- Contribute small changes\n- Review changes\n\n## Contact\n\nWrite to the list.\n",
    );
    let committer = ladder
        .tracks
        .iter()
        .flat_map(|track| &track.levels)
        .find(|level| level.title == "Committers")
        .expect("a Committers level");
    let path = ladder
        .areas
        .iter()
        .find(|area| area.name == "Path to Becoming a Committer")
        .expect("the path is an area");
    assert_eq!(committer.expectations[&path.id].len(), 3);
    assert_eq!(level_titles(&ladder), ["Contributors", "Committers"]);
}

#[test]
fn paragraphs_that_open_by_naming_a_rung_are_the_levels() {
    // A decree's classification: each category described in one paragraph opening with its
    // name, after an introduction that names none.
    let ladder = import(
        "a.md",
        "# Article 4\n\nLes agents sont répartis dans quatre catégories d'emplois.\n\nLa catégorie I bis est composée des cadres dirigeants. Elle comprend 8 échelons.\n\nLa catégorie I est composée des cadres supérieurs. Elle comprend 12 échelons.\n\nLa catégorie II est composée des cadres techniques. Elle comprend 13 échelons.\n\nLa catégorie III est composée des assistants. Elle comprend 14 échelons.\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "catégorie I bis".to_owned(),
                "catégorie I".to_owned(),
                "catégorie II".to_owned(),
                "catégorie III".to_owned()
            ],
            vec![1, 1, 1, 1]
        )]
    );
    // Where headings already title the rungs, a summary's paragraphs naming them are no
    // second set of levels.
    let ladder = import(
        "a.md",
        "# Ladder\n\n## Overview\n\nLevel 1 engineers learn.\n\nLevel 2 engineers deliver.\n\nLevel 3 engineers lead.\n\n## Level 1\n\n- Learns the codebase\n\n## Level 2\n\n- Ships features\n\n## Level 3\n\n- Leads projects\n",
    );
    let titles: Vec<String> = level_titles(&ladder);
    assert_eq!(titles, ["Level 1", "Level 2", "Level 3"]);
    // The rung named a few words in ("Les agents relevant de la catégorie 2 …"); a rung named
    // only after the first sentence names no paragraph.
    let ladder = import(
        "a.md",
        "# Article 6\n\nLes agents exercent les fonctions définies ci-après :\n\nLes agents relevant de la catégorie 1 exécutent les tâches courantes.\n\nLes agents relevant de la catégorie 2 mettent en oeuvre les techniques.\n\nLes agents relevant de la catégorie 3 organisent les activités.\n\nIls sont recrutés. Ceux de la catégorie 4 le sont aussi.\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "catégorie 1".to_owned(),
                "catégorie 2".to_owned(),
                "catégorie 3".to_owned()
            ],
            vec![1, 1, 2]
        )]
    );
}

#[test]
fn a_list_a_level_gives_the_next_level_moves_there() {
    // "Promotion to Level 2 requires:" written at the end of Level 1's section: what Level 2
    // asks, not Level 1.
    let ladder = import(
        "a.md",
        "# Levels\n\n## Level 1 - Guided Contributor\n\nDemonstrates:\n\n- Delivers assigned work\n- Engages in feedback\n\nPromotion to Level 2 requires:\n- Independent ownership of work\n- Less reliance on direction\n\n## Level 2 - Independent Owner\n\nDemonstrates:\n\n- Scopes complex work\n",
    );
    let texts = |title: &str| -> Vec<String> {
        let level = ladder
            .tracks
            .iter()
            .flat_map(|track| &track.levels)
            .find(|level| level.title == title)
            .expect("the level");
        level
            .expectations
            .values()
            .flatten()
            .map(|item| item.text.clone())
            .collect()
    };
    assert_eq!(
        texts("Level 1 - Guided Contributor"),
        ["Delivers assigned work", "Engages in feedback"]
    );
    assert_eq!(
        texts("Level 2 - Independent Owner"),
        [
            "Independent ownership of work",
            "Less reliance on direction",
            "Scopes complex work"
        ]
    );
    assert!(ladder.areas.iter().all(|area| !area.name.contains('\u{0}')));
}

#[test]
fn a_level_page_s_table_of_sentences_has_its_columns_as_areas() {
    // One level's page: each column of the table is an area, each filled cell an
    // expectation, read down the column (columns of unequal length).
    let ladder = import(
        "a.md",
        "# Software Engineer II\n\nAt this level engineers are self-sufficient.\n\n## Technical Guidelines\n\n| For all | Frontend-specific |\n|---|---|\n| Considers non-functional requirements of a system | Understands semantic markup well |\n| Designs APIs to be flexible and stable | |\n",
    );
    let by_area: Vec<(String, usize)> = texts_by_area(&ladder, 0, 0)
        .into_iter()
        .map(|(area, texts)| (area, texts.len()))
        .collect();
    assert_eq!(
        by_area,
        [
            ("For all".to_owned(), 2),
            ("Frontend-specific".to_owned(), 1)
        ]
    );
}

#[test]
fn a_section_whose_lists_are_its_people_s_is_a_rung_whatever_its_title() {
    // "Community" and "Treasurers" read as no rungs by their titles, but their lists are
    // "Expectations of community members" and "Expectations of treasurers".
    let ladder = import(
        "a.md",
        "# Roles\n\n## Community\n\nEveryone is part of our community. This includes:\n\n*   Participate in our forums.\n*   Raise issues.\n\n**Access:**\n\n*   Community members have read access.\n\n**Expectations of community members:**\n\n*   Community members are respectful.\n\n## Committers\n\nCommitters commit.\n\n**Access:**\n\n*   Write access.\n\n**Additional expectations of committers:**\n\n*   Review pull requests.\n\n## Mentors\n\n**Expectations of mentors:**\n\n*   Mentor newcomers.\n\n## Treasurers\n\n**Expectations of treasurers:**\n\n*   Keep the books.\n",
    );
    let titles: Vec<String> = level_titles(&ladder);
    assert_eq!(titles, ["Community", "Committers", "Mentors", "Treasurers"]);
}

#[test]
fn joining_a_team_is_the_way_to_it_and_an_open_seat_is_part_of_a_roster() {
    // "Joining the support team" tells how one gets there: prose about the level, not a
    // level. The roster under "Support team members" keeps a seat open for the reader and
    // is still a roster, not what the level expects.
    let ladder = import(
        "a.md",
        "# Teams\n\n## Support team\n\nSupport answers users.\n\n- Resets passwords\n- Triages build errors\n\n### Members\n\n- [Eric](https://github.com/ericholscher) (Pacific Time)\n- [Anthony](https://github.com/agjohnson) (Mountain Time)\n- Your Name Here\n\n### Joining the support team\n\nStart by answering issues.\n\n## Operations team\n\nOps keeps the servers up.\n\n- Deploys releases\n\n### Joining the ops team\n\nAsk in the chat.\n",
    );
    let all: Vec<String> = ladder
        .tracks
        .iter()
        .flat_map(|track| &track.levels)
        .flat_map(|level| level.expectations.values().flatten())
        .map(|item| item.text.clone())
        .collect();
    assert!(
        all.iter().all(|text| !text.contains("Your Name Here")),
        "{all:?}"
    );
    let titles: Vec<String> = level_titles(&ladder);
    assert!(
        titles.iter().all(|title| !title.starts_with("Joining")),
        "{titles:?}"
    );
}

#[test]
fn a_document_written_area_by_area_is_read_level_by_level() {
    // Each area's section gives every level its list, the levels as headings under the area
    // or as plain lines over their lists (a page's tabs): the levels are the same throughout.
    let headed = "# QA matrix\n\n## 01Work with data_\n\nData structures, Excel.\n\n### Trainee\n\n- Knows what databases are\n\n### Junior\n\n- Writes simple selects\n- Knows file types\n\n### Middle\n\n- Tests ETL flows\n\n## 02Test Design_\n\n### Trainee\n\n- Knows test types\n\n### Junior\n\n- Designs simple cases\n\n### Middle\n\n- Designs with techniques\n";
    let lines = headed.replace("### ", "");
    for text in [headed, lines.as_str()] {
        let ladder = import("a.md", text);
        assert_eq!(
            titles_and_counts(&ladder),
            [(
                vec![
                    "Trainee".to_owned(),
                    "Junior".to_owned(),
                    "Middle".to_owned()
                ],
                vec![2, 3, 2]
            )],
            "{text}"
        );
        let areas: Vec<&str> = ladder.areas.iter().map(|area| area.name.as_str()).collect();
        assert_eq!(areas, ["Work with data", "Test Design"], "{text}");
    }
}

#[test]
fn responsibilities_through_a_process_and_a_stem_ending_in_will_are_expectations() {
    // "Project responsibilities through the project process:" names a list of the role's
    // responsibilities (its phases as areas), not a process of reaching the role; "… the
    // Tech Lead will:" is a sentence its bullets complete, each bullet an expectation.
    let ladder = import(
        "a.md",
        "# Roles\n\n## Tech Lead\n\nThe Tech Lead owns the technical success.\n\nProject responsibilities through the project process:\n\n- Planning\n  - Gather requirements\n  - Write the plan\n- Deploy\n  - Make releases\n\n### In the process\n\n- During the engagement the Tech Lead will:\n  - Meet the client\n  - Notify the manager of risks\n\n## Lead Engineer\n\n- Reviews code\n",
    );
    let by_area = texts_by_area(&ladder, 0, 0);
    assert_eq!(
        by_area,
        [
            (
                "Planning".to_owned(),
                vec![
                    "Gather requirements".to_owned(),
                    "Write the plan".to_owned()
                ]
            ),
            ("Deploy".to_owned(), vec!["Make releases".to_owned()]),
            (
                "In the process".to_owned(),
                vec![
                    "Meet the client".to_owned(),
                    "Notify the manager of risks".to_owned()
                ]
            ),
        ]
    );
}

#[test]
fn pitfalls_and_discussion_describe_a_level_and_are_not_its_expectations() {
    let ladder = import(
        "a.md",
        "# Staff Engineer (L4)\n\n## Key Takeaways\n\n* Finds the problems worth solving\n* Influences other teams\n\n## Common Pitfalls\n\n* Fails to align decisions with the business\n\n## Discussion\n\nAt this level you become a finder of problems.\n",
    );
    let level = &ladder.tracks[0].levels[0];
    let texts: Vec<&str> = level
        .expectations
        .values()
        .flatten()
        .map(|item| item.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["Finds the problems worth solving", "Influences other teams"]
    );
    let description = level.description.as_deref().unwrap_or_default();
    assert!(description.contains("Fails to align"), "{description}");
    assert!(description.contains("finder of problems"), "{description}");
}

#[test]
fn an_mdx_table_with_blank_lines_in_its_cells_is_one_table() {
    // MDX reads the element whole; CommonMark would end it at the first blank line. A "(none)"
    // cell holds nothing; a cell's paragraphs are an expectation each (the Committer's two).
    let ladder = import(
        "a.mdx",
        "These tiers reflect how we work.\n\n<table>\n  <thead>\n    <tr><th>Tier</th><th>Requirements</th><th>Expectations</th></tr>\n  </thead>\n  <tbody>\n    <tr>\n      <th>Contributor</th>\n      <td>One point in authoring pull requests</td>\n      <td>(none)</td>\n    </tr>\n    <tr>\n      <th>Committer</th>\n      <td>\n        Five points in triaging issues\n\n        Fifteen points in total this month\n      </td>\n      <td>\n      Ten points in total across all activities\n      </td>\n    </tr>\n    <tr>\n      <th>Maintainer</th>\n      <td>Thirty points in total over the quarter</td>\n      <td>Twenty points in total across all activities</td>\n    </tr>\n  </tbody>\n</table>\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Contributor".to_owned(),
                "Committer".to_owned(),
                "Maintainer".to_owned()
            ],
            vec![1, 3, 2]
        )]
    );
}

#[test]
fn a_label_line_in_a_cell_names_the_lines_below_it() {
    // Zadig's roles table: `Technical:<br>…<br>Community: <br>…` in one cell.
    let ladder = import(
        "roles.md",
        "# Roles\n\n| Role | Primary responsibilities |\n|---|---|\n\
         | Maintainer | Reviews PRs.<br>Guides newcomers. |\n\
         | Council member | Technical:<br>Decides key designs.<br>Community: <br>Promotes contributors.<br>Strategy:  <br>Sets the roadmap. |\n",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 1),
        vec![(
            "Responsibilities".to_owned(),
            vec![
                "Decides key designs.".to_owned(),
                "Promotes contributors.".to_owned(),
                "Sets the roadmap.".to_owned()
            ]
        )]
    );
}

#[test]
fn a_roles_section_lists_its_roles_as_bold_names_whatever_their_words() {
    // An R Markdown page: the table of contents beside a `toc-content` block that holds the
    // page, then the roles as `<li><strong>Name</strong> - what it does</li>` under a heading
    // naming the roles; "Principal Investigators" reads as no role by its words.
    let html = "<html><body><div id=\"TOC\" class=\"tocify\"><ul><li><a href=\"#a\">Roles</a></li></ul></div>\
        <div class=\"toc-content col-md-9\"><h1 class=\"title\">Governance</h1>\
        <h2>Core Principles</h2><ul><li>We are open.</li><li>We share data.</li></ul>\
        <h2>Defined Roles and Responsibilities</h2><ul>\
        <li><strong>Principal Investigators</strong> - They run the project as proposed.</li>\
        <li><strong>Director</strong> - The Director directs the Network.</li>\
        <li><strong>Manager</strong> - The Manager leads the daily work.</li>\
        <li><strong>Users</strong> - Anyone using the data cites it.</li></ul>\
        <h2>Data Use Policy</h2><p>Cite the data.</p></div></body></html>";
    let ladder = import("governance.html", html);
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Principal Investigators".to_owned(),
                "Director".to_owned(),
                "Manager".to_owned(),
                "Users".to_owned()
            ],
            vec![1, 1, 1, 1]
        )]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 1)[0].1,
        ["The Director directs the Network."]
    );
}

#[test]
fn roles_under_one_section_beat_long_prose_sections_read_as_levels() {
    // Biome's governance: the roles are `###` under "Contributor Model"; the other `##`
    // sections (direction, review, funding, moderation) hold longer lists. Read as levels,
    // those sections place three times the text, but their titles read as no level's.
    let bullets = |topic: &str, count: usize| -> String {
        (1..=count)
            .map(|n| {
                format!("- The {topic} step number {n} is done by whoever is around and has the time to do it well.\n")
            })
            .collect()
    };
    let text = format!(
        "# Governance\n\n## Contributor Model\n\nThe project has three roles.\n\n\
         ### Lead\n\n{}\n#### Lead nomination\n\n- Nominated by a lead\n\n\
         ### Core Contributor\n\n{}\n#### Core contributor nomination\n\n- Nominated by a maintainer\n\n\
         ### Maintainer\n\n{}\n### Voting Rules\n\nA vote passes with a majority.\n\n\
         ## Project Direction\n\n{}\n## Code review\n\n{}\n## Financial Contributions\n\n### Sponsorship\n\n{}\n## Moderation\n\n{}",
        bullets("lead", 4),
        bullets("core", 4),
        bullets("maintainer", 4),
        bullets("roadmap", 6),
        bullets("review", 6),
        bullets("funding", 6),
        bullets("moderation", 6)
    );
    let ladder = import("governance.md", &text);
    assert_eq!(
        level_titles(&ladder),
        ["Lead", "Core Contributor", "Maintainer"]
    );
}

#[test]
fn a_permissions_matrix_summarizes_the_sections_of_its_roles_even_one_renamed() {
    // NASA SLIM's governance: a table of the roles with ✅/❌ permissions, then a section per
    // role; the table's "Steering Committee Member" is the sections' "Management Committee
    // (PMC) Member", between the same two roles in both.
    let ladder = import(
        "governance.md",
        "# Governance\n\n## Roles\n\n| Role | Description | Read | Triage | Merge |\n|---|---|---|---|---|\n\
         | User | Anyone using it. | ✅ | ❌ | ❌ |\n\
         | Triager | Labels issues. | ✅ | ✅ | ❌ |\n\
         | Committer | Merges changes. | ✅ | ✅ | ✅ |\n\
         | Steering Committee Member | Sponsors. | ✅ | ✅ | ✅ |\n\
         | Product Manager | Decides. | ✅ | ✅ | ✅ |\n\n\
         ### User\n\nAnyone who uses the tool.\n\n### Triager\n\n- Label issues\n- Close duplicates\n\n\
         ### Committer\n\n- Review pull requests\n- Merge pull requests\n\n\
         ### Management Committee (PMC) Member\n\n- Keep the roadmap\n- Report to sponsors\n\n\
         ### Product Manager\n\nHas the final word.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        [
            "User",
            "Triager",
            "Committer",
            "Management Committee (PMC) Member",
            "Product Manager"
        ]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 3)[0].1,
        ["Keep the roadmap", "Report to sponsors"]
    );
}

#[test]
fn rung_titles_over_nested_lists_are_the_levels() {
    // NIH's proficiency scale: each rung a bullet over its own bullets, after a list naming
    // them all; "0 - Not Applicable" is the scale's absence of a rung.
    let ladder = import(
        "scale.md",
        "# Proficiency Scale\n\nThe scale:\n\n* 1 - Awareness\n* 2 - Novice\n* 3 - Expert\n\nDetails:\n\n\
         * 0 - Not Applicable\n\n  * You need not show it.\n\n\
         * 1 - Awareness (basic knowledge)\n\n  * You know the basics.\n  * Focus on learning\n\n\
         * 2 - Novice (limited experience)\n\n  * You need help.\n\n\
         * 3 - Expert (recognized authority)\n\n  * You are known as an expert.\n  * You teach others.\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "1 - Awareness (basic knowledge)".to_owned(),
                "2 - Novice (limited experience)".to_owned(),
                "3 - Expert (recognized authority)".to_owned()
            ],
            vec![2, 1, 2]
        )]
    );
    // Labels over their items are areas, not rungs.
    let ladder = import(
        "roles.md",
        "# Roles\n\n## Maintainer\n\n- Responsibilities:\n  - Reviews\n- Privileges:\n  - Merges\n- Requirements:\n  - Two years\n",
    );
    assert_eq!(level_titles(&ladder), ["Maintainer"]);
}

#[test]
fn a_summary_row_may_shorten_its_section_s_title() {
    // OpenBMC's membership page: the table's last rows say "Security Response" and "TOF
    // Member", their sections "Security Response Team Member" and "Technical Oversight Forum
    // Member".
    let ladder = import(
        "membership.md",
        "# Community membership\n\n| Role | Expectations | Defined by |\n|---|---|---|\n\
         | Contributor | Abide by the code of conduct | Merged code |\n\
         | Reviewer | Review contributions | OWNERS file |\n\
         | Security Response | Address security issues | Security team list |\n\
         | TOF Member | Set the project's direction | TOF election |\n\n\
         ## Contributor\n\n### Expectations\n\n- Follow the code of conduct\n\n\
         ## Reviewer\n\n### Expectations\n\n- Review changes\n- Mentor contributors\n\n\
         ## Security Response Team Member\n\n### Expectations\n\n- Triage reports\n\n\
         ## Technical Oversight Forum Member\n\n### Expectations\n\n- Vote on proposals\n- Keep the roadmap\n",
    );
    assert_eq!(
        level_titles(&ladder),
        [
            "Contributor",
            "Reviewer",
            "Security Response Team Member",
            "Technical Oversight Forum Member"
        ]
    );
}

#[test]
fn sections_on_a_body_s_procedures_are_no_levels_but_a_role_named_by_one_is() {
    // MapLibre's charter: among the bodies, sections on electing and paying the board's
    // members; "Voting Members" is a role whatever its first word.
    let ladder = import(
        "charter.md",
        "# Charter\n\n## Governance Bodies\n\n### Maintainers\n\n- Set the technical direction\n- Review proposals\n\n\
         ### Voting Members\n\n- Elect the board\n- Amend the charter\n\n### Board Election\n\n- Held every year\n\n\
         ### Board Member Remuneration\n\n- Members are not paid\n\n### Board Members\n\n- Manage the budget\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Maintainers", "Voting Members", "Board Members"]
    );
}

#[test]
fn the_way_to_a_role_written_after_the_roles_joins_that_role() {
    // Canectt's governance: "## Roles" over three roles, then "## Cómo convertirse en
    // mantenedor" and other sections without sub-headings.
    let ladder = import(
        "GOVERNANCE.md",
        "# Gobernanza\n\n## Filosofía\n\nEl proyecto es abierto.\n\n## Roles\n\n\
         ### Colaborador/a\n\nCualquier persona que abra un PR aceptado.\n\n\
         ### Mantenedor/a\n\nPersona con permisos de escritura. Responsabilidades:\n\n- Revisar PRs\n- Cerrar issues resueltos\n\n\
         ### Lead maintainer\n\nMantenedor con responsabilidad sobre la dirección del proyecto.\n\n\
         ## Cómo convertirse en mantenedor\n\nSe valoran:\n\n- Historial de PRs de calidad\n- Participación sostenida en revisiones\n\n\
         ## Toma de decisiones\n\nPor consenso, y si no, decide el lead maintainer tras escuchar a todos.\n\n\
         ## Agentes de código\n\nLos agentes siguen las mismas reglas que las personas que contribuyen.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Colaborador/a", "Mantenedor/a", "Lead maintainer"]
    );
    let texts: Vec<String> = texts_by_area(&ladder, 0, 1)
        .into_iter()
        .flat_map(|(_, texts)| texts)
        .collect();
    assert_eq!(
        texts,
        [
            "Revisar PRs",
            "Cerrar issues resueltos",
            "Historial de PRs de calidad",
            "Participación sostenida en revisiones"
        ]
    );
}

#[test]
fn an_honor_roll_of_those_who_served_is_no_rung() {
    // Mautic's leadership page: the roles, then "Mautic Council honor roll", a table of the
    // people who served.
    let ladder = import(
        "leadership.md",
        "# Leadership\n\n## Project Lead\n\n- Sets the strategy\n- Appoints team leads\n\n\
         ## Team Lead\n\n- Runs the team\n\n## Assistant Team Lead\n\n- Supports the team lead\n\n\
         ## Council honor roll\n\nThese people have served on the Council:\n\n\
         | Name | Role | Term ended |\n|---|---|---|\n| Ada Lovelace | Council member | 2021 |\n| Alan Turing | Council chair | 2022 |\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Project Lead", "Team Lead", "Assistant Team Lead"]
    );
}

#[test]
fn a_label_naming_an_axis_and_the_level_s_step_on_it_names_the_axis() {
    // ChainSafe's research roles: `- Impact ➡ Component: makes an impact on …` per axis.
    let ladder = import(
        "roles.md",
        "# Research Roles\n\n## Associate Engineer\n\n\
         - <span className=\"axis\">Impact</span> ➡ <span className=\"level\">Component</span>: makes an impact on components\n\
         - <span className=\"axis\">People</span> ➡ <span className=\"level\">Learns</span>: learns from others\n\n\
         ## Principal Engineer\n\n\
         - <span className=\"axis\">Impact</span> ➡ <span className=\"level\">Program (Multiple Streams)</span>: makes an impact on other streams\n\
         - <span className=\"axis\">People</span> ➡ <span className=\"level\">Mentors</span>: mentors the whole team\n",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 1),
        [
            (
                "Impact".to_owned(),
                vec!["makes an impact on other streams".to_owned()]
            ),
            (
                "People".to_owned(),
                vec!["mentors the whole team".to_owned()]
            )
        ]
    );
    // The step is kept, said about the level.
    let description = ladder.tracks[0].levels[1].description.clone().unwrap();
    assert!(
        description.contains("Impact: Program (Multiple Streams)"),
        "{description}"
    );
}

#[test]
fn a_grade_page_s_behaviour_to_avoid_and_navigation_are_no_expectations() {
    // Devexperts' grade pages: an emoji shortcode before "Behavior to avoid", then links to
    // the levels around it.
    let ladder = import(
        "E6 Senior.md",
        "# E6 - Senior\r\n\r\n## Regular tasks\r\n- I break down tasks.\r\n- I interview candidates.\r\n\r\n\
         ## Behavior to pursue :rocket:\r\n- Ability to make difficult decisions.\r\n\r\n\
         ## :no_entry: Behavior to avoid\r\n- Arrogance.\r\n- Indifference to the business needs.\r\n\r\n\
         ## Navigation\r\n- Previous Level [E5](E5%20Middle.md)\r\n- Next Level [E7](E7%20Lead.md)\r\n",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [
            (
                "Regular tasks".to_owned(),
                vec![
                    "I break down tasks.".to_owned(),
                    "I interview candidates.".to_owned()
                ]
            ),
            (
                "Behavior to pursue".to_owned(),
                vec!["Ability to make difficult decisions.".to_owned()]
            )
        ]
    );
    let description = ladder.tracks[0].levels[0].description.clone().unwrap();
    assert!(description.contains("Arrogance."), "{description}");
}

#[test]
fn a_role_s_time_commitment_is_said_about_it_not_expected() {
    // SunPy's roles: `**Estimated Commitment Level**: 3-5 hours per week. …` in each.
    let ladder = import(
        "roles.md",
        "# Roles\n\n## CI Maintainer\n\n- Keep the builds green\n- Fix flaky tests\n\n\
         **Estimated Commitment Level**: 3-5 hours per week.\n\n\
         ## Release Manager\n\n- Cut the releases\n\n**Estimated Commitment Level**: 2 hours per week.\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec!["CI Maintainer".to_owned(), "Release Manager".to_owned()],
            vec![2, 1]
        )]
    );
    let description = ladder.tracks[0].levels[1].description.clone().unwrap();
    assert!(description.contains("2 hours per week"), "{description}");
}

#[test]
fn a_lead_in_to_what_a_level_adds_to_another_is_no_expectation() {
    // Astro's governance: "All privileges of the Contributor role, plus..." opens a list.
    let ladder = import(
        "GOVERNANCE.md",
        "# Governance\n\n## Contributor\n\n### Privileges\n\n- A Discord role\n\n## Maintainer\n\n### Privileges\n\n\
         - All privileges of the [Contributor role](#contributor), plus...\n- Invitation to the maintainers' channel\n\n\
         ## Core Member\n\n### Privileges\n\n- All of the privileges of L2, including...\n- A vote on releases\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Contributor".to_owned(),
                "Maintainer".to_owned(),
                "Core Member".to_owned()
            ],
            vec![1, 1, 1]
        )]
    );
}

#[test]
fn a_rung_written_wholly_in_prose_beside_rungs_with_area_headings_expects_its_paragraphs() {
    // PHP-FIG's bylaws: "Member Projects" in paragraphs only, "Secretaries" with "Defined
    // functions" and "Access and Abilities" sections.
    let ladder = import(
        "bylaws.md",
        "# Structure\n\n## Member Projects\n\nMember projects are known PHP projects.\n\n\
         An application must include a sponsor.\n\nA member project may resign in writing.\n\n\
         ## Secretaries\n\nSecretaries keep the group running.\n\n### Defined functions\n\n- Tallying votes\n- Managing the website\n\n\
         ### Access and Abilities\n\n- Owner access to the GitHub organization\n\n\
         ## Editors\n\nEditors lead a working group.\n\n### Defined functions\n\n- Coordinating the group\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Member Projects".to_owned(),
                "Secretaries".to_owned(),
                "Editors".to_owned()
            ],
            vec![3, 3, 1]
        )]
    );
}

#[test]
fn asking_who_holds_a_role_already_described_is_no_second_level() {
    // curl's governance: "## Maintainers" among the key roles, and later "## Who are
    // maintainers?" pointing at the list of them.
    let ladder = import(
        "GOVERNANCE.md",
        "# Key roles\n\n## User\n\nSomeone who uses curl.\n\n## Contributor\n\nSomeone who has helped the project.\n\n\
         ## Maintainers\n\nA maintainer may push commits.\n\nMaintainers listen to feedback.\n\n\
         ## Committers\n\nCommitters decide on security and releases.\n\n\
         ## Who are maintainers?\n\nThe [list of maintainers](https://github.com/orgs/curl/people).\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["User", "Contributor", "Maintainers", "Committers"]
    );
}

#[test]
fn a_list_the_writer_calls_the_tiers_lists_the_levels_by_their_bold_names() {
    // EDAM's governance (reStructuredText): "four tiers of governance:", then numbered items
    // opening with a bold name, their bullets set two spaces in (less than the item's text).
    let ladder = import(
        "governance.rst",
        "Governance\n==========\n\nThe project follows a model with three tiers of governance:\n\n\
         1. **Advisory Group** advises the developers. It has two responsibilities:\n\n  * Help to set priorities\n  * Monitor progress\n\n  \
         The developers report to it by email.\n\n\
         2. **Core Developers** are funded to develop the project. They have one responsibility:\n\n  * Approve developments\n\n\
         3. **Editors** represent the community. They are expected to:\n\n  * Advocate the project\n  * Contribute as time permits\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Advisory Group".to_owned(),
                "Core Developers".to_owned(),
                "Editors".to_owned()
            ],
            vec![2, 1, 2]
        )]
    );
}

#[test]
fn a_list_of_the_roles_names_the_levels_their_headings_follow() {
    // Zowe's roles: "## Roles" lists Guest, Contributor, Committer, Administrator; each has
    // its section, "Guest" reading as no role by its word, and "Zowe administrators" (who
    // hold the role) after them is no level.
    let ladder = import(
        "roles.md",
        "# Contributing and roles\n\n## Roles\n\n- Guest\n- Contributor\n- Committer\n- Administrator\n\n\
         ### Guest\n\nAnyone.\n\n- Can read code\n- Can file issues\n\n\
         ### Contributor\n\n- Can review PRs\n\n### Committer\n\n- Can merge code\n- Can make branches\n\n\
         ### Administrator\n\n- Can manage the squad\n\n### Zowe administrators\n\n- Manage the organization\n- Approve new repositories\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Guest".to_owned(),
                "Contributor".to_owned(),
                "Committer".to_owned(),
                "Administrator".to_owned()
            ],
            vec![2, 1, 2, 1]
        )]
    );
}

#[test]
fn a_label_opening_paragraphs_of_several_roles_names_their_area_beside_the_prose() {
    // GlassFish's governance: roles written in hard-wrapped prose, each closing with
    // "How to become one: …"; a paragraph stating a duty before pointing to a policy is the
    // role's, not a pointer.
    let ladder = import(
        "governance.md",
        "# Governance\n\n## Roles\n\n### Users\n\nUsers are the people who use the software.\n\n\
         How to become one: Download the software and use it\nto build an application.\n\n\
         ### Committers\n\nCommitters have write access to the source tree.\n\n\
         A committer must sign the agreement to commit code.\nSee the [policy](#policy) for info.\n\n\
         How to become one: Submit some patches and ask the maintainer\nfor commit access.\n",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 1),
        [
            (
                "Expectations".to_owned(),
                vec![
                    "Committers have write access to the source tree.".to_owned(),
                    "A committer must sign the agreement to commit code.\nSee the [policy](#policy) for info."
                        .to_owned()
                ]
            ),
            (
                "How to become one".to_owned(),
                vec!["Submit some patches and ask the maintainer\nfor commit access.".to_owned()]
            )
        ]
    );
    assert_eq!(texts_by_area(&ladder, 0, 0).len(), 2);
}

#[test]
fn a_section_revisiting_roles_for_one_aspect_joins_each_to_its_role() {
    // Endless Sky's governance: "## Roles" describes seven roles, then "## Role Criteria"
    // revisits four of them (one by the name in another's brackets), in another order.
    let ladder = import(
        "governance.md",
        "# Governance\n\n## Roles\n\n### Developer\n\n- Review pull requests.\n- Merge pull requests.\n\n\
         ### Reviewer\n\n- Review pull requests.\n\n### Oathkeeper (Moderator)\n\n- Keep discussions civil.\n\n\
         ## Role Criteria\n\nHere's how members of each role are determined.\n\n\
         ### Moderator\n\n- Help to resolve conflict\n- Follow the code of conduct\n\n\
         ### Reviewer\n\n- Playtest PRs\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Developer".to_owned(),
                "Reviewer".to_owned(),
                "Oathkeeper (Moderator)".to_owned()
            ],
            vec![2, 2, 3]
        )]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 2)[1],
        (
            "Role Criteria".to_owned(),
            vec![
                "Help to resolve conflict".to_owned(),
                "Follow the code of conduct".to_owned()
            ]
        )
    );
}

#[test]
fn a_paragraph_repeated_in_each_level_but_for_its_figures_is_each_level_s_requirement() {
    // CISA's grade page: each grade opens with "Must have … equivalent to the GS-7 grade
    // level …" (GS-9 for the next), then a lead-in and its list; a note on moving up stays a
    // note.
    let ladder = import(
        "grades.md",
        "# Software engineer\n\n### Specialized experience for GS-9\n\n\
         Must have one year of experience equivalent to the GS-7 grade level.\n\n\
         In order to move up to this level, hit 2 of the points.\n\n\
         This includes experience:\n\n- Translating steps into code\n- Leading a segment\n\n\
         ### Specialized experience for GS-11\n\n\
         Must have one year of experience equivalent to the GS-9 grade level.\n\n\
         In order to move up to this level, hit 4 of the points.\n\n\
         This includes experience:\n\n- Analyzing web applications\n",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 1),
        [(
            "Expectations".to_owned(),
            vec![
                "Must have one year of experience equivalent to the GS-9 grade level.".to_owned(),
                "Analyzing web applications".to_owned()
            ]
        )]
    );
}

#[test]
fn a_page_on_one_role_whose_headings_are_its_aspects_is_one_level() {
    // Loomio's membership page: "# Membership", then its characteristics, responsibilities,
    // entering and exiting under `####` headings: one rung's aspects, not four rungs.
    let ladder = import(
        "membership.md",
        "# Membership\n\nMembers own the cooperative together.\n\n\
         #### Characteristics of a Member\n\n**Approach:** You are flexible.\n\n**Commitment:** You contribute regularly.\n\n\
         #### Roles & Responsibilities\n\nMembers set the direction.\n\n- Attend members meetings\n- Approve new members\n- Appoint the Board\n\n\
         #### Entering Membership\n\nThe first step is being employed by the co-op for a year.\n\n\
         #### Exiting Membership\n\n- The member resigns\n- The member is no longer eligible\n",
    );
    assert_eq!(level_titles(&ladder), ["Membership"]);
}

#[test]
fn roles_listed_as_plain_names_before_a_colon_are_the_levels_and_a_promotion_joins_its_target() {
    // tRPC-Go's contributors page (Chinese): the two roles as numbered `Name：what it is` items
    // under a roles heading, then "Contributor升级为Maintainer" with its conditions, whose
    // lead-in paragraph mentions the roles without listing them.
    let ladder = import(
        "contributors.md",
        "# 贡献者管理说明文档\n\n## 贡献者角色及职责\n\n我们设有两个贡献者角色：\n\
         1. Contributor：项目的贡献者，可以是代码贡献者。\n\
         2. Maintainer：项目的维护者，负责项目的日常维护工作。\n\n\
         ## Contributor升级为Maintainer\n\n我们鼓励Contributor向Maintainer的角色发展。\n以下是升级的条件：\n\
         1. 持续贡献：持续为项目贡献代码。\n2. 质量保证：保持较高的质量。\n",
    );
    // (Maintainer's own line is what it says of itself, as Contributor's is: the conditions
    // to reach it are a section of their own moved into it.)
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec!["Contributor".to_owned(), "Maintainer".to_owned()],
            vec![1, 3]
        )]
    );
}

#[test]
fn a_rung_s_code_in_cyrillic_letters_titles_a_level() {
    // Avito's QA profiles (Russian): `### Е1` … with a Cyrillic Е, under a section on how the
    // profiles work, read as the levels, not as areas of the page.
    let ladder = import(
        "profiles.md",
        "# Профили QA-инженеров\n\n## Карьерная лестница\n\nОписание уровней.\n\n## Как работают профили\n\n\
         ### Е1\n\n- Пишет тест-кейсы\n- Находит баги\n\n### Е2\n\n- Проектирует тесты\n- Автоматизирует проверки\n\n\
         ### Е3\n\n- Ведёт стратегию тестирования\n- Обучает коллег\n",
    );
    assert_eq!(level_titles(&ladder), ["Е1", "Е2", "Е3"]);
}

#[test]
fn a_level_page_s_pointers_to_other_pages_and_signs_of_the_next_level_are_not_its_expectations() {
    // Gupy's SE II page (Portuguese): a list of links to the tracks' own pages after
    // "Consulte:", and the signs that one is ready for SE III: said about the level, not
    // expected of it.
    let ladder = import(
        "se-ii.md",
        "# SE II - Pleno\n\n## 🎯 Resultados\n\n### Entrega\n\n- Entrega projetos médios com autonomia\n\
         - Estima o próprio trabalho\n\n## 🛠️ Habilidades Técnicas\n\n\
         As habilidades técnicas específicas variam por trilha. Consulte:\n\
         - [Data Engineering](../tracks/data_engineering.md#se-ii---pleno)\n\
         - [Analytics Engineering](../tracks/analytics_engineering.md#se-ii---pleno)\n\n\
         ### Qualidade\n\n- Escreve testes para o que entrega\n\n\
         ## 📈 Indicadores de Progresso para SE III\n\nVocê está pronto(a) para evoluir para SE III quando:\n\
         - Lidera tecnicamente projetos complexos\n- Mentora outros engenheiros\n",
    );
    let texts: Vec<String> = texts_by_area(&ladder, 0, 0)
        .into_iter()
        .flat_map(|(_, texts)| texts)
        .collect();
    assert_eq!(
        texts,
        [
            "Entrega projetos médios com autonomia",
            "Estima o próprio trabalho",
            "Escreve testes para o que entrega"
        ]
    );
    let description = ladder.tracks[0].levels[0]
        .description
        .clone()
        .unwrap_or_default();
    assert!(
        description.contains("Mentora outros engenheiros"),
        "{description}"
    );
}

#[test]
fn a_tldr_paragraph_over_a_section_s_items_sums_them_up_and_adds_none() {
    // Roomle's level page: each `##` dimension opens with "**tldr;** An Expert …" over its
    // `* **Label**: text` bullets; the bullets are the expectations.
    let ladder = import(
        "expert.md",
        "# 02 Expert\n\n## Technical Mastery\n**tldr;** An Expert solves standard problems independently.\n\n\
         * **Problem-solving**: solves standard problems without step-by-step guidance.\n\
         * **Debugging**: debugs effectively within known systems.\n\n\
         ## Learning\n**tldr;** An Expert grows their knowledge.\n\n\
         * **Grows within domain**: reads documentation and explores APIs.\n",
    );
    let texts: Vec<String> = texts_by_area(&ladder, 0, 0)
        .into_iter()
        .flat_map(|(_, texts)| texts)
        .collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts.iter().all(|text| !text.contains("tldr")), "{texts:?}");
}

#[test]
fn label_items_over_paragraphs_inside_them_name_the_areas_of_those_paragraphs() {
    // Taro's contributor ladder (Chinese): under each role, `- 目的` / `- 权益` / `- 退出机制`
    // items each holding an indented paragraph; what leaves the role is said about it.
    let ladder = import(
        "roles.md",
        "# 贡献者晋级指南\n\n## 晋升角色\n\n### 个人贡献者（Individual Committer）\n\n任何个人开发者都可以提交 pull request。\n\n\
         ### 助手（Triage）\n\n负责 issues 的维护。\n\n\
         - 目的\n\n    旨在减少 issue 列表。\n\n- 权益\n\n    相关项目 Triage 权限。\n\n\
         - 退出机制\n\n    对 6 个月不活跃的小助手进行定期移除。\n\n\
         ### 合作者（Collaborator）\n\n负责维护仓库。\n\n\
         - 目的\n\n    旨在不断丰富 Taro 特性。\n\n- 权益\n\n    Github Write 权限。\n\n\
         - 退出机制\n\n    超过6个月无任何贡献，会自动设置成荣休状态。\n\n\
         ### 技术委员会成员（Technical Steering Committee）\n\n负责技术方向。\n\n\
         - 目的\n\n    解决技术难题。\n\n- 权益\n\n    Github Owner 权限。\n",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 2),
        [
            (
                "目的".to_owned(),
                vec!["旨在不断丰富 Taro 特性。".to_owned()]
            ),
            ("权益".to_owned(), vec!["Github Write 权限。".to_owned()])
        ]
    );
}

#[test]
fn items_written_with_a_bullet_of_their_own_after_a_lead_in_item_are_its_sub_items() {
    // Infopulse's QA matrix (HTML): `<li>Knows the difference between:</li>` then
    // `<li>- Test levels: …</li>`, `<li>- Test types: …</li>` in the same flat list.
    let ladder = import(
        "matrix.html",
        "<h1>QA skills</h1><h2>Junior QA</h2><h3>Testing</h3><ul><li>Writes test cases</li>\
         <li>Knows the difference between:</li><li>- Test levels: Unit, Integration</li>\
         <li>- Test types: Functional and Non-functional</li></ul>\
         <h2>Senior QA</h2><h3>Testing</h3><ul><li>Designs the test strategy</li></ul>",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [(
            "Testing".to_owned(),
            vec![
                "Writes test cases".to_owned(),
                "Test levels: Unit, Integration".to_owned(),
                "Test types: Functional and Non-functional".to_owned()
            ]
        )]
    );
}

#[test]
fn a_lead_in_written_straight_inside_a_list_is_kept() {
    // Ockam's levels (HTML in Markdown): `<ul><b>Performs basic programming tasks:</b><li>…`,
    // the bold lead-in outside any `<li>`, which browsers show as the list's first line.
    let ladder = import(
        "levels.html",
        "<h1>Levels</h1><h2>Engineer I</h2><h3>Complexity</h3><ul><b>Performs basic tasks:</b>\
         <li>Writes test plans.</li><li>Forecasts tomorrow.</li></ul>\
         <h2>Engineer II</h2><h3>Complexity</h3><ul><li>Designs test plans.</li></ul>",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [(
            "Complexity".to_owned(),
            vec![
                "**Performs basic tasks:**".to_owned(),
                "Writes test plans.".to_owned(),
                "Forecasts tomorrow.".to_owned()
            ]
        )]
    );
}

#[test]
fn a_page_whose_every_heading_is_a_sentence_is_about_one_level() {
    // Findmypast's senior engineer page (an HTML fragment, no title): each `<h3>` states a
    // behaviour over a list of examples. No heading titles a level: the page is one level,
    // the sentences its areas.
    let ladder = import(
        "senior-engineer.html",
        "<h3>You can lead confidently in tackling complex technical problems.</h3>\
         <ul><li>Implementing a new service.</li><li>Leading white-boarding sessions.</li></ul>\
         <h3>You are an evangelist for consistent high-quality delivery.</h3>\
         <ul><li>You champion monitoring within the team.</li></ul>\
         <h3>You look beyond short-term deliverables for the team.</h3>\
         <ul><li>You mentor your pairing partner.</li></ul>",
    );
    assert_eq!(level_titles(&ladder), ["senior-engineer"]);
    assert_eq!(texts_by_area(&ladder, 0, 0).len(), 3);
}

#[test]
fn a_lead_in_naming_a_level_in_bold_gives_it_the_list_under_the_competency() {
    // CivilCode's ladder: the levels described under "Career Levels", then per competency a
    // recurring "Capabilities" section of "A __Junior Developer__ is capable of:" lists.
    let ladder = import(
        "ladder.md",
        "# Engineering Ladder\n\n## Career Levels\n\n### Junior Developer\n\nAs a Junior Developer you learn.\n\n\
         ### Senior Developer\n\nAs a Senior Developer you mentor.\n\n# Competencies\n\n## Business Analysis\n\n\
         ### Capabilities\n\nA __Junior Developer__ is capable of:\n\n- learning the method\n- attending sessions\n\n\
         A __Senior Developer__ is capable of:\n\n- mentoring others\n\n## Software Development\n\n\
         ### Capabilities\n\nA __Junior Developer__ is capable of:\n\n- writing tested code\n\n\
         A __Senior Developer__ is capable of:\n\n- reviewing designs\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Junior Developer", "Senior Developer"]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [
            (
                "Business Analysis".to_owned(),
                vec![
                    "learning the method".to_owned(),
                    "attending sessions".to_owned()
                ]
            ),
            (
                "Software Development".to_owned(),
                vec!["writing tested code".to_owned()]
            )
        ]
    );
}

#[test]
fn a_section_labelled_as_the_levels_are_is_one_more_level_whatever_its_title() {
    // "Adopters" names no role the word lists know and comes before the first level-like
    // heading, but it writes the labels the roles write ("Defined by:", "Responsibilities:"):
    // it is the first rung. "Principles", labelled otherwise, stays prose.
    let text = "# Governance\n\n## Principles\n\nWe adhere to:\n\n- openness\n- fairness\n\n## Community\n\n### Adopters\n\nAdopters are organizations that fund the project.\n\nDefined by:\n\n- The ADOPTERS file.\n\nResponsibilities:\n\n- Announcing their support publicly.\n\n### Contributors\n\nContributors send changes.\n\nDefined by:\n\n- One merged change.\n\nResponsibilities:\n\n- Follow the code of conduct.\n\n### Maintainers\n\nMaintainers merge changes.\n\nDefined by:\n\n- A vote of the maintainers.\n\nResponsibilities:\n\n- Review changes.\n- Cut releases.\n";
    let ladder = import("a.md", text);
    assert_eq!(
        level_titles(&ladder),
        ["Adopters", "Contributors", "Maintainers"]
    );
}

#[test]
fn bullets_naming_the_same_areas_before_a_dash_under_each_level_are_those_areas() {
    // Each level: a chart, then its step on each axis written `**[Axis](link) - Step**`. The
    // axes recur under every level: they are the areas, the steps the expectations, and the
    // chart is no expectation. A list of kinds written the same way, each named once
    // ("Docs Maintainer - This is someone who …"), keeps its bullets whole.
    let text = "# Delivery Engineer\n\nThe primary system for team members on this path is the work discipline program that helps the team manage their work.\n\n## DE1 - Delivery Engineer 1\n\n![System Dimensions](charts/DE1.png \"Delivery Engineer 1\")\n\n* **[Technology](README.md#technology) - Adopts**\n* **[People](README.md#people) - Learns**\n* **[Influence](README.md#influence) - Sub Team**\n\n## DE2 - Delivery Engineer 2\n\n![System Dimensions](charts/DE2.png \"Delivery Engineer 2\")\n\n* **[Technology](README.md#technology) - Specializes**\n* **[People](README.md#people) - Mentors**\n* **[Influence](README.md#influence) - Many Teams**\n\n## DE3 - Delivery Engineer 3\n\nMaintainers of three kinds work at this level:\n\n* Core Maintainer - This is someone who focuses on the core.\n* Docs Maintainer - This is someone who keeps the documentation.\n";
    let ladder = import("a.md", text);
    assert_eq!(
        texts_by_area(&ladder, 0, 1),
        [
            ("Technology".to_owned(), vec!["Specializes".to_owned()]),
            ("People".to_owned(), vec!["Mentors".to_owned()]),
            ("Influence".to_owned(), vec!["Many Teams".to_owned()]),
        ]
    );
    let third: Vec<String> = texts_by_area(&ladder, 0, 2)
        .into_iter()
        .flat_map(|(_, texts)| texts)
        .collect();
    assert_eq!(
        third,
        [
            "Core Maintainer - This is someone who focuses on the core.",
            "Docs Maintainer - This is someone who keeps the documentation."
        ]
    );
    let chart = ladder.tracks[0].levels[0].description.clone();
    assert!(chart.is_some_and(|text| text.contains("charts/DE1.png")));
    // The steps are single words; the page around them says it is English.
    assert_eq!(ladder.language.as_deref(), Some("en"));
}

#[test]
fn a_rubric_of_numbered_scales_before_role_families_whose_levels_are_headings() {
    // A scale per dimension (`Level | Description`, rows 1 … 3) under a rubric section, then
    // a section of role families, each over levels of its own titled by headings, each level a
    // table of the dimensions: the families are the tracks, the scales prose.
    let text = "# Engineering ladder\n\n# Dimensions\n\n## Technology\n\n| Level | Description |\n|---|---|\n| 1 | Adopts the chosen technologies |\n| 2 | Specializes in one technical area |\n| 3 | Evangelizes new technologies |\n\n## People\n\n| Level | Description |\n|---|---|\n| 1 | Learns from the team |\n| 2 | Supports the team |\n| 3 | Mentors others |\n\n# Career levels\n\n## Developer\n\nWrites code every day.\n\n### Developer 1 (D1)\n\n| | Level | Description |\n|---|---|---|\n| Technology | 1 | Adopts the chosen technologies |\n| People | 1 | Learns from the team |\n\n### Developer 2 (D2)\n\n| | Level | Description |\n|---|---|---|\n| Technology | 2 | Specializes in one technical area |\n| People | 2 | Supports the team |\n\n## Tech Lead\n\nOwns a system.\n\n### Tech Lead 1 (TL1)\n\n| | Level | Description |\n|---|---|---|\n| Technology | 3 | Evangelizes new technologies |\n| People | 2 | Supports the team |\n\n### Tech Lead 2 (TL2)\n\n| | Level | Description |\n|---|---|---|\n| Technology | 3 | Evangelizes new technologies |\n| People | 3 | Mentors others |\n";
    let ladder = import("a.md", text);
    let tracks: Vec<(String, Vec<String>, Vec<usize>)> = shape(&ladder);
    assert_eq!(
        tracks,
        [
            (
                "Developer".to_owned(),
                vec!["Developer 1 (D1)".to_owned(), "Developer 2 (D2)".to_owned()],
                vec![2, 2]
            ),
            (
                "Tech Lead".to_owned(),
                vec![
                    "Tech Lead 1 (TL1)".to_owned(),
                    "Tech Lead 2 (TL2)".to_owned()
                ],
                vec![2, 2]
            ),
        ]
    );
    assert_eq!(
        texts_by_area(&ladder, 1, 1)[1],
        ("People".to_owned(), vec!["Mentors others".to_owned()])
    );
}

#[test]
fn areas_over_tables_of_proficiency_levels_with_their_definitions_between() {
    // A capability framework saved from Word: a table of facts (`DEVELOPED BY:` | names), then
    // a heading per capability, its definition in a paragraph or two, and a table whose header
    // is the four rungs (`FOUNDATION` named by no rung's word) over one row of bullets. The
    // capabilities are the areas, their definitions the areas' descriptions.
    let text = r#"<html><body>
<table><tr><td><strong>DEVELOPED BY:</strong></td><td><p><strong>The Skills Group</strong></p><p>Working group leads</p></td></tr>
<tr><td><strong>DATE:</strong></td><td>12 Nov 2025</td></tr></table>
<h3>Research-related Engagement</h3>
<p>“Engaging with interest-holders in research.”</p>
<p>It covers partners inside and outside the university.</p>
<table>
<tr><th>FOUNDATION</th><th>INTERMEDIATE</th><th>ADVANCED</th><th>EXEMPLAR</th></tr>
<tr><td><ul><li>Understand the importance of engaging respectfully with communities.</li><li>Identify key interest-holders to a research project.</li></ul></td>
<td><ul><li>Build relationships with interest-holders across the university.</li></ul></td>
<td><ul><li>Lead engagement strategies for large research programmes.</li></ul></td>
<td><ul><li>Shape the institution's engagement with national partners.</li></ul></td></tr>
</table>
<h3>Maximising Impact</h3>
<p>“Supporting research impact.”</p>
<table>
<tr><th>FOUNDATION</th><th>INTERMEDIATE</th><th>ADVANCED</th><th>EXEMPLAR</th></tr>
<tr><td><ul><li>Explore foundational research impact terminology and pathways.</li></ul></td>
<td><ul><li>Develop impact plans with researchers for their projects.</li></ul></td>
<td><ul><li>Lead impact planning across a faculty's programmes.</li></ul></td>
<td><ul><li>Set the university's strategy for research impact.</li></ul></td></tr>
</table>
</body></html>"#;
    let ladder = import("framework.html", text);
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "FOUNDATION".to_owned(),
                "INTERMEDIATE".to_owned(),
                "ADVANCED".to_owned(),
                "EXEMPLAR".to_owned()
            ],
            vec![3, 2, 2, 2]
        )]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0)[0],
        (
            "Research-related Engagement".to_owned(),
            vec![
                "Understand the importance of engaging respectfully with communities.".to_owned(),
                "Identify key interest-holders to a research project.".to_owned()
            ]
        )
    );
    let area = ladder
        .areas
        .iter()
        .find(|area| area.name == "Research-related Engagement")
        .unwrap();
    let said = area.description.clone().unwrap_or_default();
    assert!(said.contains("partners inside and outside"), "{said}");
}

#[test]
fn a_labelled_line_counting_years_of_experience_is_the_levels_experience() {
    // `**Experiencia esperada:** Entre 1 y 3 años` beside the level's labelled lists: the
    // years it asks, not an expectation; a label about experience that counts no years
    // ("Experiencia de usuario: …") is one.
    let text = "# Niveles de QA\n\n## QA Junior\n\n- **Habilidades técnicas:**\n  - Escribes casos de prueba claros.\n  - Automatizas pruebas sencillas.\n- **Experiencia esperada:** Entre **1 y 3 años**. Se espera que avances al siguiente nivel.\n\n## QA Senior\n\n- **Habilidades técnicas:**\n  - Diseñas la estrategia de pruebas.\n- **Experiencia de usuario:** Cuidas la experiencia de quienes usan el producto.\n- **Experiencia esperada:** Al menos **5 años** en el área.\n";
    let ladder = import("a.md", text);
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec!["QA Junior".to_owned(), "QA Senior".to_owned()],
            vec![2, 2]
        )]
    );
    let junior = &ladder.tracks[0].levels[0];
    let experience = junior
        .experience
        .as_ref()
        .map(|e| e.text.clone())
        .unwrap_or_default();
    assert!(experience.contains("1 y 3 años"), "{experience}");
    let senior = texts_by_area(&ladder, 0, 1);
    assert!(
        senior
            .iter()
            .any(|(area, _)| area == "Experiencia de usuario"),
        "{senior:?}"
    );
}

#[test]
fn a_page_of_axes_each_over_the_levels_one_step_is_about_one_level() {
    // A generated level page without a title: navigation links from the site's root at both
    // ends, then `###` axes each over one `####` step name and what the level does on it.
    // One level (titled by the file), the axes its areas, each step said about the level.
    let text = "- [홈](/)\n- [레벨 목록](/levels)\n\n### 영향 범위\n\n#### 팀\n\n팀 단위의 문제를 스스로 정의하고 해결한다.\n\n- 팀의 기술 부채를 줄인다.\n\n### 기술 역량\n\n#### 숙련\n\n- 설계 문서를 작성한다.\n- 장애의 원인을 찾아 고친다.\n\n### 커뮤니케이션\n\n#### 명확함\n\n- 회의록을 남긴다.\n\n---\n\n- [이전 레벨](/levels/l2)\n- [다음 레벨](/levels/l4)\n";
    let ladder = import("senior-engineer.md", text);
    assert_eq!(
        titles_and_counts(&ladder),
        [(vec!["senior-engineer".to_owned()], vec![5])]
    );
    let areas: Vec<String> = texts_by_area(&ladder, 0, 0)
        .into_iter()
        .map(|(area, _)| area)
        .collect();
    assert_eq!(areas, ["영향 범위", "기술 역량", "커뮤니케이션"]);
    let said = ladder.tracks[0].levels[0]
        .description
        .clone()
        .unwrap_or_default();
    assert!(said.contains("기술 역량: 숙련"), "{said}");
    assert_eq!(ladder.language.as_deref(), Some("ko"));
}

#[test]
fn a_bold_sentence_over_details_and_an_experience_heading_over_years() {
    // A level written as one bold sentence over the details that unfold it: one expectation,
    // its details its examples. Another level's `### **Experiência Esperada:**` over "Entre 1
    // e 2 anos.": the level's experience, not an area.
    let text = "# Senioridades\n\n## **DevOps Trainee**\n\n- **Você está iniciando sua jornada no mundo DevOps.**\n  - Aprende os fundamentos da cultura DevOps.\n  - Explora ferramentas como Git e Docker.\n\n## **DevOps Júnior**\n\n### **Habilidades Técnicas:**\n- Configura pipelines básicas de CI/CD.\n- Cria containers com Docker.\n\n### **Experiência Esperada:**\n- Entre **1 e 2 anos**. Espera-se que você chegue ao próximo nível.\n";
    let ladder = import("a.md", text);
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec!["DevOps Trainee".to_owned(), "DevOps Júnior".to_owned()],
            vec![1, 2]
        )]
    );
    let trainee = &ladder.tracks[0].levels[0];
    let first = trainee.expectations.values().flatten().next().unwrap();
    assert_eq!(first.examples.len(), 2, "{first:?}");
    let junior = &ladder.tracks[0].levels[1];
    let experience = junior
        .experience
        .as_ref()
        .map(|e| e.text.clone())
        .unwrap_or_default();
    assert!(experience.contains("1 e 2 anos"), "{experience}");
}

#[test]
fn a_level_whose_text_is_still_to_be_written_stays_a_level() {
    // "## Senior Director" over "TBD" between two written levels: the rung is there, its text
    // not yet written; it is no roster and no prose section.
    let text = "# Managers\n\n## Manager\n\nLeads a team well and grows its people.\n\n## Director\n\nLeads several teams and sets their direction.\n\n## Senior Director\n\nTBD\n\n## Vice President\n\nLeads the organization and its strategy.\n";
    let ladder = import("a.md", text);
    assert_eq!(
        level_titles(&ladder),
        ["Manager", "Director", "Senior Director", "Vice President"]
    );
}

#[test]
fn sections_of_another_kind_after_the_levels_are_prose() {
    // Three "… Engineer" levels writing the same areas, then "Tech Lead Role" (a list) and
    // "Architecture Role" (What? / Why?): roles taken on beside the ladder, not rungs of it.
    let level = |title: &str, scope: &str, team: &str| {
        format!("## {title}\n\n### Scope\n\n{scope}\n\n### Collaboration\n\n{team}\n\n")
    };
    let text = format!(
        "# Engineers\n\n{}{}{}## Tech Lead Role\n\n- The tech lead role is not a point on the ladder.\n- You will help the team grow.\n\n## Architecture Role\n\n### What?\n\nArchitecture deals with significant design decisions.\n\n### Why?\n\nTo be helpful to engineering.\n",
        level("Engineer", "Delivers tasks.", "Works with the team."),
        level("Senior Engineer", "Delivers features.", "Mentors others."),
        level("Staff Engineer", "Delivers systems.", "Leads across teams."),
    );
    let ladder = import("a.md", &text);
    assert_eq!(
        level_titles(&ladder),
        ["Engineer", "Senior Engineer", "Staff Engineer"]
    );
    let kept: Vec<&str> = ladder.sections.iter().map(|s| s.title.as_str()).collect();
    assert!(kept.contains(&"Architecture Role"), "{kept:?}");
    assert!(kept.contains(&"Tech Lead Role"), "{kept:?}");
}

#[test]
fn a_description_heading_in_a_nordic_or_dutch_page_describes_the_level() {
    // "## Beskrivelse" (Norwegian), like "## Beschreibung" or "## Description": what is under
    // it describes the level; the competences under "## Faglig kompetanse" are expected.
    for (heading, described) in [
        (
            "Beskrivelse",
            "Den ansatte jobber i prosjekt sammen med andre utviklere.",
        ),
        (
            "Beskrivning",
            "Den anställda arbetar i projekt tillsammans med andra utvecklare.",
        ),
        (
            "Omschrijving",
            "De medewerker werkt in projecten samen met andere ontwikkelaars.",
        ),
    ] {
        let text = format!(
            "# Utvikler, nivå 0\n\n## {heading}\n\n{described}\n\n## Faglig kompetanse\n\n- Gode skriftlige norskkunnskaper.\n- Grunnleggende forståelse for HTTP.\n"
        );
        let ladder = import("level-0.md", &text);
        let level = &ladder.tracks[0].levels[0];
        let said = level.description.clone().unwrap_or_default();
        assert!(said.contains(described), "{heading}: {said}");
        let expected: usize = level.expectations.values().map(Vec::len).sum();
        assert_eq!(expected, 2, "{heading}");
    }
}

#[test]
fn a_section_with_the_roles_own_parts_is_one_more_role_whatever_its_title() {
    // AMP's governance: "Working Groups" after two committees, each over "#### Role" and
    // "#### Membership".
    let ladder = import(
        "GOVERNANCE.md",
        "# Governance\n\n## Glossary\n\nTerms used below.\n\n## Structures\n\n\
         ### Advisory Committee\n\n#### Role\n\n- Advise the steering committee.\n\n#### Membership\n\n- Members are chosen yearly.\n\n\
         ### Technical Steering Committee\n\n#### Role\n\n- Set the roadmap.\n- Resolve disputes.\n\n#### Membership\n\n- Up to seven members.\n\n\
         ### Working Groups\n\n#### Role\n\n- Build one part of the project.\n\n#### Membership\n\n- Anyone may join.\n\n\
         ## Decision making\n\nBy consensus.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        [
            "Advisory Committee",
            "Technical Steering Committee",
            "Working Groups"
        ]
    );
}

#[test]
fn a_body_of_people_after_prose_roles_is_one_more_role() {
    // libvirt's governance: Users, Contributors and Committers in paragraphs, then "Security
    // team" in paragraphs, then "Rough consensus".
    let ladder = import(
        "governance.md",
        "# Governance\n\n## Roles\n\n### Users\n\nUsers run the software.\n\n\
         ### Contributors\n\nContributors send patches.\n\nThey review patches too.\n\n\
         ### Committers\n\nCommitters merge patches.\n\n\
         ### Security team\n\nMembers of the security team triage security issues.\n\n\
         ## Rough consensus\n\nDecisions are made by rough consensus.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Users", "Contributors", "Committers", "Security team"]
    );
}

#[test]
fn the_one_heading_over_the_levels_titles_the_ladder_as_well_as_its_track() {
    let ladder = import(
        "stufen.md",
        "# Karrierestufen Entwicklung\n\n## Junior-Entwickler\n\n### Umsetzung\n\n- Setzt kleine Aufgaben um\n\n\
         ### Zusammenarbeit\n\n- Stellt früh Fragen\n\n## Senior-Entwickler\n\n### Umsetzung\n\n- Verantwortet Projekte\n\n\
         ### Zusammenarbeit\n\n- Begleitet neue Kollegen\n",
    );
    assert_eq!(ladder.title, "Karrierestufen Entwicklung");
    assert_eq!(
        level_titles(&ladder),
        ["Junior-Entwickler", "Senior-Entwickler"]
    );
}

#[test]
fn a_table_of_the_levels_and_a_numbered_heading_for_each_later_are_one_description() {
    // CausalPy's contributing guide: a "Pathway overview" table of the roles, then "Levels in
    // detail" with a numbered heading per role, among sections of another kind.
    let ladder = import(
        "CONTRIBUTING.md",
        "# Guidelines for contributing\n\n## Quick start\n\nClone the repository and run the tests.\n\n\
         ## Opening issues\n\nSearch before you open one.\n\n## Contributor pathways\n\n### Pathway overview\n\n\
         | Level | GitHub permission | Typical scope |\n|---|---|---|\n\
         | Community participant | N/A | Issues and pull requests from forks |\n\
         | Triager | Triage | Labels and routing |\n| Maintainer | Maintain | Releases and roadmap |\n\n\
         ### Levels in detail\n\n#### 1) Community participant (public access)\n\n- Opens issues\n- Sends pull requests\n\n\
         #### 2) Triager (Triage)\n\n- Labels issues\n- Reproduces bugs\n\n#### 3) Maintainer (Maintain)\n\n- Cuts releases\n\n\
         ## Building the documentation\n\nRun the docs build.\n",
    );
    assert_eq!(ladder.tracks.len(), 1, "{:?}", shape(&ladder));
    assert_eq!(ladder.tracks[0].levels.len(), 3, "{:?}", shape(&ladder));
    let texts: Vec<String> = texts_by_area(&ladder, 0, 1)
        .into_iter()
        .flat_map(|(_, texts)| texts)
        .collect();
    assert!(texts.contains(&"Labels issues".to_owned()), "{texts:?}");
    // The table's row is kept as the level's description, a labelled cell as much as others.
    let first = &ladder.tracks[0].levels[0];
    assert!(
        first
            .description
            .as_deref()
            .is_some_and(|text| text.contains("Issues and pull requests from forks")),
        "{:?}",
        first.description
    );
}

#[test]
fn bold_level_lines_in_a_document_without_headings_title_their_levels_plainly() {
    // A Word document of the support team: no heading styles, a title line, then each level
    // as a bold line over its bullets.
    let ladder = import(
        "support.md",
        "Career framework for the support team\n\n**Level 1 – Associate**\n\n- Answers tickets\n- Escalates issues\n\n\
         **Level 2 – Specialist**\n\n- Solves complex tickets\n\n**Level 3 – Senior Specialist**\n\n- Coaches associates\n",
    );
    assert_eq!(
        level_titles(&ladder),
        [
            "Level 1 – Associate",
            "Level 2 – Specialist",
            "Level 3 – Senior Specialist"
        ]
    );
}

#[test]
fn areas_each_over_a_bullet_per_level_read_level_by_level() {
    // A design team's competencies: a heading per area, and under it one bullet per level,
    // "- **Junior:** …".
    let ladder = import(
        "design.md",
        "# Product design competencies\n\n## Craft\n\n- **Junior:** Uses the design system.\n- **Mid:** Extends it.\n- **Senior:** Shapes it.\n\n\
         ## Research\n\n- **Junior:** Takes notes in interviews.\n- **Mid:** Runs interviews.\n- **Senior:** Plans research.\n",
    );
    assert_eq!(level_titles(&ladder), ["Junior", "Mid", "Senior"]);
    assert_eq!(
        texts_by_area(&ladder, 0, 1),
        [
            ("Craft".to_owned(), vec!["Extends it.".to_owned()]),
            ("Research".to_owned(), vec!["Runs interviews.".to_owned()])
        ]
    );
}

#[test]
fn a_title_over_two_track_headings_titles_the_ladder_and_the_headings_name_the_tracks() {
    // "# Acme engineering career paths" over "## Individual contributor track" and "## Manager
    // track": a run of managers split off and named by its first level is no better reading.
    let ladder = import(
        "paths.md",
        "# Acme engineering career paths\n\nTwo tracks meet at Senior.\n\n## Individual contributor track\n\n\
         ### L3 – Software Engineer\n\n**Scope:** A feature.\n\n- Writes tested code\n- Reviews pull requests\n\n\
         ### L4 – Senior Software Engineer\n\n**Scope:** A project.\n\n- Designs systems\n- Mentors engineers\n\n\
         ## Manager track\n\n### M1 – Engineering Manager\n\n**Scope:** One team.\n\n- Hires engineers\n- Runs rituals\n\n\
         ### M2 – Senior Engineering Manager\n\n**Scope:** Several teams.\n\n- Grows managers\n",
    );
    let tracks: Vec<&str> = ladder
        .tracks
        .iter()
        .map(|track| track.name.as_str())
        .collect();
    assert_eq!(tracks, ["Individual contributor track", "Manager track"]);
    assert_eq!(ladder.title, "Acme engineering career paths");
}

#[test]
fn areas_each_over_a_table_of_the_levels_read_level_by_level() {
    // A data team's competencies: a heading per area over a `Level | Expectation` table.
    let ladder = import(
        "data.md",
        "# Data engineering competencies\n\n## Data modelling\n\n| Level | Expectation |\n|---|---|\n\
         | Junior | Follows the team's models |\n| Mid | Designs models for a domain |\n| Senior | Sets standards |\n\n\
         ## Pipelines\n\n| Level | Expectation |\n|---|---|\n| Junior | Fixes failing jobs |\n\
         | Mid | Builds pipelines end to end |\n| Senior | Designs the platform |\n",
    );
    assert_eq!(level_titles(&ladder), ["Junior", "Mid", "Senior"]);
    assert_eq!(
        texts_by_area(&ladder, 0, 2),
        [
            (
                "Data modelling".to_owned(),
                vec!["Sets standards".to_owned()]
            ),
            (
                "Pipelines".to_owned(),
                vec!["Designs the platform".to_owned()]
            )
        ]
    );
}

#[test]
fn a_years_column_of_a_table_of_levels_gives_each_level_its_experience() {
    let ladder = import(
        "levels.md",
        "# Engineering levels\n\n| Level | Title | Years | Scope | Leadership |\n|---|---|---|---|---|\n\
         | L1 | Junior Engineer | 0–2 | Tasks | Learns from others |\n\
         | L2 | Engineer | 2–5 | Features | Helps new joiners |\n\
         | L3 | Senior Engineer | 5+ years | Projects | Mentors engineers |\n",
    );
    let experience: Vec<(Option<u32>, Option<u32>)> = ladder.tracks[0]
        .levels
        .iter()
        .map(|level| {
            let experience = level.experience.as_ref().unwrap();
            (experience.min_years, experience.max_years)
        })
        .collect();
    assert_eq!(
        experience,
        [(Some(0), Some(2)), (Some(2), Some(5)), (Some(5), None)]
    );
    assert_eq!(shape(&ladder)[0].2, [2, 2, 2]);
}

#[test]
fn a_definition_list_under_each_level_names_its_areas() {
    // An HTML page of levels, each over a `<dl>` of areas: terms the areas, definitions their
    // expectations (one, or a list of several).
    let ladder = import(
        "levels.html",
        "<h1>Engineering levels</h1>\
         <h2>Engineer I</h2><dl><dt>Delivery</dt><dd>Ships small tasks.</dd>\
         <dt>Collaboration</dt><dd>Asks for help early.</dd><dd>Pairs with peers.</dd></dl>\
         <h2>Engineer II</h2><dl><dt>Delivery</dt><dd>Ships features.</dd>\
         <dt>Collaboration</dt><dd><ul><li>Helps peers.</li><li>Reviews code.</li></ul></dd></dl>",
    );
    assert_eq!(level_titles(&ladder), ["Engineer I", "Engineer II"]);
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [
            ("Delivery".to_owned(), vec!["Ships small tasks.".to_owned()]),
            (
                "Collaboration".to_owned(),
                vec![
                    "Asks for help early.".to_owned(),
                    "Pairs with peers.".to_owned()
                ]
            )
        ]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 1)[1],
        (
            "Collaboration".to_owned(),
            vec!["Helps peers.".to_owned(), "Reviews code.".to_owned()]
        )
    );
}

#[test]
fn a_title_row_spanning_a_table_is_no_header() {
    // A matrix as Word users set it: a first row merged across the table with its title, then
    // the header of levels, group rows and competencies.
    let ladder = import(
        "matrix.html",
        "<table><tr><td colspan=\"4\"><b>Engineering Competency Matrix 2024</b></td></tr>\
         <tr><th>Competency</th><th>Associate</th><th>Engineer</th><th>Senior Engineer</th></tr>\
         <tr><td colspan=\"4\"><b>Technical</b></td></tr>\
         <tr><td>Code quality</td><td>Writes readable code</td><td>Refactors safely</td><td>Sets standards</td></tr>\
         <tr><td>Testing</td><td>Writes unit tests</td><td>Designs test strategies</td><td>Owns the platform</td></tr></table>",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Associate", "Engineer", "Senior Engineer"]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 2),
        [
            ("Code quality".to_owned(), vec!["Sets standards".to_owned()]),
            ("Testing".to_owned(), vec!["Owns the platform".to_owned()])
        ]
    );
}

#[test]
fn a_short_table_of_levels_in_spanish_is_spanish() {
    // Three rows of short cells: whatlang's guess is far from sure, and still the likeliest.
    let ladder = import(
        "plan.md",
        "# Plan de carrera\n\n| Nivel | Alcance | Habilidades técnicas | Liderazgo |\n|---|---|---|---|\n\
         | Desarrollador Junior | Tareas | Escribe código con ayuda | Aprende de otros |\n\
         | Desarrollador Semi Senior | Funcionalidades | Escribe código limpio y probado | Ayuda a los nuevos |\n\
         | Desarrollador Senior | Proyectos | Diseña sistemas | Guía a otros desarrolladores |\n",
    );
    assert_eq!(ladder.language.as_deref(), Some("es"));
    let english = import(
        "levels.md",
        "# Engineering levels\n\n| Level | Scope | Technical skills | Leadership |\n|---|---|---|---|\n\
         | Junior Engineer | Tasks | Writes working code with help | Learns from others |\n\
         | Engineer | Features | Writes clean, tested code | Helps new joiners |\n\
         | Senior Engineer | Projects | Designs systems | Mentors engineers |\n",
    );
    assert_eq!(english.language.as_deref(), Some("en"));
}

#[test]
fn a_table_of_how_each_role_is_nominated_is_prose_after_the_roles() {
    let ladder = import(
        "governance.md",
        "# Governance\n\n## Roles\n\n### Member\n\nTo become a member:\n\n- Has made contributions.\n\
         - Is sponsored by a maintainer.\n\n### Committer\n\nTo become a committer:\n\n\
         - Is a member.\n- Has merged six pull requests.\n\n### Maintainer\n\n\
         - Leads the design.\n- Reviews proposals.\n\n### Nomination process\n\n\
         | Nomination | Description | Approval |\n|---|---|---|\n\
         | New Member | Nominated by a committer. | Lazy consensus |\n\
         | New Committer | Nominated by a maintainer. | Lazy consensus |\n\
         | New Maintainer | Nominated by a maintainer. | Two thirds |\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec!["Member".into(), "Committer".into(), "Maintainer".into()],
            vec![2, 2, 2]
        )]
    );
    let nomination = ladder
        .sections
        .iter()
        .find(|s| s.title == "Nomination process");
    assert!(nomination.is_some_and(|s| s.body.contains("Nominated by a committer.")));
}

#[test]
fn a_requirement_before_a_lead_in_keeps_its_bullets_as_examples() {
    let ladder = import(
        "membership.md",
        "# Membership\n\n## Member\n\n### Requirements\n\n\
         - Have made multiple contributions to the project. Contributions may include, but are \
         not limited to:\n  - Authoring pull requests\n  - Filing issues\n\
         - Sponsored by two maintainers\n\n## Maintainer\n\n### Requirements\n\n\
         - Ensure the health of the project through:\n  - Reviewing pull requests\n  - Triaging issues\n",
    );
    let member = &ladder.tracks[0].levels[0];
    let texts: Vec<&str> = member
        .expectations
        .values()
        .flatten()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Have made multiple contributions to the project. Contributions may include, but are \
             not limited to:",
            "Sponsored by two maintainers"
        ]
    );
    let examples: Vec<&str> = member
        .expectations
        .values()
        .flatten()
        .flat_map(|e| &e.examples)
        .map(String::as_str)
        .collect();
    assert_eq!(examples, ["Authoring pull requests", "Filing issues"]);
    // A stem that needs its bullets to be a sentence is still no expectation of its own.
    let maintainer = &ladder.tracks[0].levels[1];
    let texts: Vec<&str> = maintainer
        .expectations
        .values()
        .flatten()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(texts, ["Reviewing pull requests", "Triaging issues"]);
}

#[test]
fn bold_level_lines_with_a_dash_and_a_summary_title_their_levels() {
    let ladder = import(
        "levels.md",
        "# Engineering Levels\n\nOur levels at a glance.\n\n\
         **Junior Engineer** — Learns the craft with support.\n\n\
         - Completes small tasks.\n- Writes tests.\n\n\
         **Engineer** – Works independently.\n\n- Delivers features.\n\n\
         **Senior Engineer** - Leads projects.\n\n- Leads projects.\n- Mentors engineers.\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Junior Engineer".into(),
                "Engineer".into(),
                "Senior Engineer".into()
            ],
            vec![2, 1, 2]
        )]
    );
    let first = &ladder.tracks[0].levels[0];
    assert_eq!(
        first.description.as_deref(),
        Some("Learns the craft with support.")
    );
}

#[test]
fn a_bare_span_under_a_years_label_is_the_level_s_experience() {
    let ladder = import(
        "ladder.md",
        "# Ladder\n\n## Software Engineer I\n\n**Years of experience:** 0-2\n\n\
         ### What you do\n\n- Implements features.\n\n## Software Engineer II\n\n\
         **Years of experience:** 2–4\n\n### What you do\n\n- Owns features.\n",
    );
    let levels = &ladder.tracks[0].levels;
    let experience: Vec<Option<&str>> = levels
        .iter()
        .map(|level| level.experience.as_ref().map(|e| e.text.as_str()))
        .collect();
    assert_eq!(experience, [Some("0-2"), Some("2–4")]);
    assert_eq!(titles_and_counts(&ladder)[0].1, [1, 1]);
}

#[test]
fn bold_area_lines_one_after_another_are_siblings_not_groups() {
    let ladder = import(
        "ladder.md",
        "# Ladder\n\n## Junior\n\n**Craft**\n\n- Writes tests.\n\n**Teamwork**\n\n- Asks for help.\n\n\
         ## Mid\n\n**Craft**\n\n- Designs features.\n\n**Teamwork**\n\n- Helps peers.\n",
    );
    let areas: Vec<(&str, Option<&str>)> = ladder
        .areas
        .iter()
        .map(|area| (area.name.as_str(), area.description.as_deref()))
        .collect();
    assert_eq!(areas, [("Craft", None), ("Teamwork", None)]);
}

#[test]
fn numbered_bold_titles_over_lists_in_portuguese_are_the_levels() {
    let ladder = import(
        "niveis.md",
        "# Níveis de Engenharia\n\nComo crescemos.\n\n1. **Estagiário**\n   - Resolve pequenas tarefas.\n\
         2. **Desenvolvedor Júnior**\n   - Entrega tarefas definidas.\n   - Escreve testes.\n\
         3. **Desenvolvedor Pleno**\n   - Entrega funcionalidades.\n\
         4. **Desenvolvedor Sênior**\n   - Desenha soluções.\n\n## Dúvidas\n\nFale com sua liderança.\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Estagiário".into(),
                "Desenvolvedor Júnior".into(),
                "Desenvolvedor Pleno".into(),
                "Desenvolvedor Sênior".into()
            ],
            vec![1, 2, 1, 1]
        )]
    );
}

#[test]
fn a_track_of_managers_titles_is_the_managers_and_product_managers_are_not() {
    let managers = [
        "Líder de Equipo",
        "Gerente de Ingeniería",
        "Director de Ingeniería",
    ];
    assert!(super::is_management_track("Track 2", managers.into_iter()));
    assert!(super::is_management_track(
        "Führungslaufbahn",
        ["Teamleiter"].into_iter()
    ));
    let product = [
        "Associate Product Manager",
        "Product Manager",
        "Senior Product Manager",
    ];
    assert!(!super::is_management_track("Product", product.into_iter()));
}

#[test]
fn a_role_list_broken_by_a_note_goes_on_in_the_list_after_it() {
    // EDAM's governance (reStructuredText): four numbered tiers, a `.. note::` after the
    // third, so the fourth is a list of its own.
    let ladder = import(
        "governance.rst",
        "Governance\n==========\n\nThe project follows a model with four tiers of governance:\n\n\
         1. **Advisory Group** advises the developers. Members have two responsibilities:\n\n  \
         * Help to set priorities\n  * Monitor progress\n\n\
         2. **Developers** are funded to develop the project. They:\n\n  \
         * Agree aims\n  * Approve developments\n\n\
         3. **Editors** represent the community. They are expected to:\n\n  \
         * Offer constructive advice\n  * Advocate the project\n\n\
         .. note::\n   Thematic editors oversee the coverage of a field.\n\n\
         4. **Other contributors** do not have commit rights but can still make comments.\n\n\
         We welcome new members at all levels above.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        [
            "Advisory Group",
            "Developers",
            "Editors",
            "Other contributors"
        ],
        "{:?}",
        shape(&ladder)
    );
}

#[test]
fn a_team_titled_in_a_script_without_spaces_after_the_roles_is_one_more_role() {
    // Tauri's governance in Japanese: the last role, "ドメイン・チーム", is written in prose.
    let ladder = import(
        "governance.md",
        "# ガバナンス\n\n## 役割\n\n### ワーキング・グループのメンバー\n\n- 会議に参加する\n\n\
         ### 理事\n\n- 予算を承認する\n- 方針を決める\n\n\
         ### ドメイン担当責任者\n\n- ドメインを率いる\n- レビューする\n\n\
         ### ドメイン・チーム\n\nドメインの作業を担うメンバーの集まりです。\n",
    );
    assert_eq!(level_titles(&ladder).len(), 4, "{:?}", shape(&ladder));
    assert_eq!(level_titles(&ladder)[3], "ドメイン・チーム");
}

#[test]
fn an_r_markdown_page_of_roles_each_with_a_way_to_become_it_in_french() {
    // sndsTools' governance vignette (.Rmd): two roles in one paragraph each, then "Devenir un
    // …" for each, the role named with another article.
    let ladder = import(
        "gouvernance.Rmd",
        "---\ntitle: \"Gouvernance\"\noutput: rmarkdown::html_vignette\n---\n\n# Gouvernance\n\n\
         Le projet fonctionne avec deux types de contributeurs :\n\n\
         ## Les contributeurs\n\nLes contributeurs font des issues et des reviews.\n\n\
         ## Les core contributeurs\n\nLes core contributeurs valident les pull requests.\n\n\
         ## Devenir un contributeur\n\nTout utilisateur peut ouvrir une issue.\n\n\
         ## Devenir un core contributeur\n\nLes core contributeurs décident collégialement.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Les contributeurs", "Les core contributeurs"]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [
            (
                "Expectations".to_owned(),
                vec!["Les contributeurs font des issues et des reviews.".to_owned()]
            ),
            (
                "Devenir un contributeur".to_owned(),
                vec!["Tout utilisateur peut ouvrir une issue.".to_owned()]
            )
        ]
    );
}

#[test]
fn a_heading_s_attributes_are_no_part_of_its_title() {
    let ladder = import(
        "roles.md",
        "# Roles\n\n## Reviewer {#reviewer}\n\n- Reviews pull requests\n\n\
         ## Maintainer {#maintainer .role}\n\n- Merges pull requests\n",
    );
    assert_eq!(level_titles(&ladder), ["Reviewer", "Maintainer"]);
}

#[test]
fn a_section_after_a_list_of_roles_at_their_depth_is_prose_not_the_last_role_s() {
    let ladder = import(
        "roles.md",
        "# Community roles\n\nThe project has three roles:\n\n\
         1. **Contributor**: sends pull requests.\n   - Follows the code of conduct\n\
         2. **Reviewer**: reviews pull requests.\n   - Reviews two pull requests a week\n\
         3. **Maintainer**: merges pull requests.\n   - Cuts releases\n\n\
         ## FAQ\n\nAsk in the forum.\n\n- Where do I start? Read the guide.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Contributor", "Reviewer", "Maintainer"]
    );
    assert_eq!(
        titles_and_counts(&ladder)[0].1,
        [1, 1, 1],
        "{:?}",
        shape(&ladder)
    );
    assert!(ladder.sections.iter().any(|section| section.title == "FAQ"));
}

#[test]
fn lines_numbered_as_chinese_text_numbers_them_are_a_list() {
    let ladder = import(
        "roles.md",
        "# 社区角色\n\n## 贡献者\n\n1、遵守社区行为准则\n2、至少提交一个被合入的PR\n3、参与社区讨论\n\n\
         ## 维护者\n\n（1）持续贡献三个月以上\n（2）审查他人的PR\n\n## 委员会成员\n\n①制定路线图\n②主持会议\n",
    );
    assert_eq!(
        titles_and_counts(&ladder)[0].1,
        [3, 2, 2],
        "{:?}",
        shape(&ladder)
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0)[0].1,
        ["遵守社区行为准则", "至少提交一个被合入的PR", "参与社区讨论"]
    );
}

#[test]
fn levels_titled_in_french_inclusive_writing_are_each_a_level() {
    // "Ingénieur·e confirmé·e": the page read as one level whose list was all three's.
    let ladder = import(
        "grille.md",
        "# Grille de carrière\n\n## Ingénieur·e junior\n\n- Écrit du code testé\n- Demande de l'aide\n\n\
         ## Ingénieur·e confirmé·e\n\n- Conçoit des fonctionnalités\n\n\
         ## Ingénieur·e principal·e\n\n- Définit la vision technique\n",
    );
    assert_eq!(
        level_titles(&ladder),
        [
            "Ingénieur·e junior",
            "Ingénieur·e confirmé·e",
            "Ingénieur·e principal·e"
        ]
    );
}

#[test]
fn a_notion_page_of_level_toggles_with_area_headings_inside_reads_a_level_per_toggle() {
    // Notion's HTML export (Korean): each level a toggle, its areas `<h3>` inside it. The
    // second toggle's title was read one deeper than the first's areas, the third deeper
    // still: one level of everything.
    let toggle = |title: &str, skills: &[&str], teamwork: &[&str]| {
        let items = |texts: &[&str]| -> String {
            texts
                .iter()
                .map(|text| format!("<li>{text}</li>"))
                .collect()
        };
        format!(
            "<ul class=\"toggle\"><li><details open=\"\"><summary>{title}</summary>\
             <h3>기술 역량</h3><ul class=\"bulleted-list\">{}</ul>\
             <h3>협업</h3><ul class=\"bulleted-list\">{}</ul></details></li></ul>",
            items(skills),
            items(teamwork)
        )
    };
    let page = format!(
        "<html><head><title>엔지니어 성장 단계</title></head><body><article class=\"page\">\
         <header><h1 class=\"page-title\">엔지니어 성장 단계</h1></header><div class=\"page-body\">\
         {}{}{}</div></article></body></html>",
        toggle(
            "신입 엔지니어",
            &["작은 기능을 구현한다", "코드 리뷰를 받는다"],
            &["질문을 자주 한다"]
        ),
        toggle(
            "엔지니어",
            &["기능을 독립적으로 구현한다"],
            &["동료를 돕는다"]
        ),
        toggle(
            "선임 엔지니어",
            &["시스템을 설계한다"],
            &["프로젝트를 이끈다", "후배를 멘토링한다"]
        ),
    );
    let ladder = import("성장 단계 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d.html", &page);
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "신입 엔지니어".to_owned(),
                "엔지니어".to_owned(),
                "선임 엔지니어".to_owned()
            ],
            vec![3, 2, 3]
        )]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 2),
        [
            ("기술 역량".to_owned(), vec!["시스템을 설계한다".to_owned()]),
            (
                "협업".to_owned(),
                vec![
                    "프로젝트를 이끈다".to_owned(),
                    "후배를 멘토링한다".to_owned()
                ]
            )
        ]
    );
}

#[test]
fn a_colon_between_digits_names_no_area() {
    let ladder = import(
        "ladder.md",
        "# Engineering ladder\n\n## Engineer\n\n- Writes tested code\n\n\
         ## Engineering Manager\n\n- Runs weekly 1:1s\n",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 1),
        [(
            "Expectations".to_owned(),
            vec!["Runs weekly 1:1s".to_owned()]
        )]
    );
}

#[test]
fn a_director_or_a_user_in_another_language_ends_or_starts_the_ladder() {
    let ladder = import(
        "carreira.md",
        "# Carreira\n\n# Contribuidor individual\n\n## Engenheiro de Software I\n\n- Entrega tarefas definidas\n\n\
         ## Engenheiro de Software II\n\n- Entrega funcionalidades\n\n# Gestão\n\n## Gerente de Engenharia\n\n\
         - Faz reuniões individuais\n\n## Diretor de Engenharia\n\n- Define a estratégia técnica\n",
    );
    assert_eq!(titles_and_counts(&ladder)[1].0[1], "Diretor de Engenharia");
    let ladder = import(
        "rollen.md",
        "# Rollen\n\n## Benutzer\n\n- Meldet Fehler\n\n## Mitwirkende\n\n- Reicht Änderungen ein\n\n\
         ## Maintainer\n\n- Prüft Änderungen\n- Veröffentlicht Versionen\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Benutzer", "Mitwirkende", "Maintainer"]
    );
}

#[test]
fn headings_numbered_as_chinese_text_numbers_them_match_the_summary_table_s_rows() {
    // PaddlePaddle-style growth system: a table of the roles, then `## 一、社区新人` …
    let ladder = import(
        "growth.md",
        "# 成长体系\n\n| 角色 | 说明 |\n| --- | --- |\n| 社区新人 | 刚加入社区 |\n| 贡献者 | 有代码贡献 |\n\n\
         ## 一、社区新人\n\n### 成长目标\n\n- 完成开发环境搭建\n- 完成一个 good first issue\n\n\
         ## 二、贡献者\n\n### 成长目标\n\n- 累计合入 5 个 PR\n- 撰写一篇技术博客\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(vec!["社区新人".to_owned(), "贡献者".to_owned()], vec![2, 2])]
    );
}

#[test]
fn a_list_of_the_rungs_before_a_section_for_each_is_an_overview_not_a_level() {
    let ladder = import(
        "grades.md",
        "# エンジニア等級\n\n## 等級一覧\n\n- G1：ジュニア\n- G2：シニア\n\n\
         ## G1：ジュニア\n\n### ■ 技術力\n\n- 指示された実装ができる\n- テストを書ける\n\n\
         ## G2：シニア\n\n### ■ 技術力\n\n- 設計をリードできる\n- 後輩を育成できる\n\n## 改訂履歴\n\n2024年改訂。\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec!["G1：ジュニア".to_owned(), "G2：シニア".to_owned()],
            vec![2, 2]
        )]
    );
    // (The mark before an area's name is decoration.)
    assert_eq!(texts_by_area(&ladder, 0, 0)[0].0, "技術力");
}

#[test]
fn levels_coded_lv_dot_n_in_a_table_whose_header_repeats_are_each_a_level() {
    // A Korean page saved from Word: levels "Lv.1" … as rows, the header row repeated.
    let ladder = import(
        "levels.html",
        "<html><head><title>개발자 성장 레벨</title></head><body><h2>개발자 성장 레벨</h2>\
         <table><tr><th>레벨</th><th>기대 역할</th><th>필요 역량</th></tr>\
         <tr><td>Lv.1</td><td>주어진 업무를 기한 내 완료<br/>업무 진행 상황 공유</td><td>기본 자료구조 이해</td></tr>\
         <tr><td>Lv.2</td><td>기능 개발 리드</td><td>성능 최적화 경험</td></tr>\
         <tr><th>레벨</th><th>기대 역할</th><th>필요 역량</th></tr>\
         <tr><td>Lv.3</td><td>팀 기술 방향 제시</td><td>대규모 시스템 설계 경험</td></tr></table></body></html>",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec!["Lv.1".to_owned(), "Lv.2".to_owned(), "Lv.3".to_owned()],
            vec![3, 2, 2]
        )]
    );
}

#[test]
fn a_role_column_of_what_each_level_does_is_an_area_not_the_titles() {
    let ladder = import(
        "levels.md",
        "# Developer levels\n\n| Level | Role | Skills |\n| --- | --- | --- |\n\
         | Junior | Finish assigned work | Basic data structures |\n\
         | Senior | Lead a feature | Performance tuning |\n",
    );
    assert_eq!(level_titles(&ladder), ["Junior", "Senior"]);
    assert_eq!(
        texts_by_area(&ladder, 0, 1),
        [
            ("Role".to_owned(), vec!["Lead a feature".to_owned()]),
            ("Skills".to_owned(), vec!["Performance tuning".to_owned()])
        ]
    );
}

#[test]
fn an_asciidoc_ladder_titled_career_levels_in_korean_is_not_one_level() {
    // "엔지니어링 커리어 레벨" names the ladder's rungs ("레벨", levels): not a rung itself.
    let ladder = import(
        "career.adoc",
        "= 엔지니어링 커리어 레벨\n\n이 문서는 직급 체계를 정의합니다.\n\n== 주니어 엔지니어\n\n=== 기술 역량\n\n\
         * 명확하게 정의된 작업을 수행한다\n\n== 시니어 엔지니어\n\n=== 기술 역량\n\n\
         * 여러 팀에 걸친 시스템을 설계한다\n\n== 평가 절차\n\n평가는 연 2회 진행됩니다.\n\n\
         NOTE: 레벨 간 이동은 위원회의 승인이 필요합니다.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["주니어 엔지니어", "시니어 엔지니어"]
    );
}

#[test]
fn a_role_column_of_titles_after_the_codes_titles_the_levels_and_a_slash_holds_no_place() {
    let ladder = import(
        "skills.md",
        "| 等級 | 役割 | 技術スキル | コミュニケーション |\n|---|---|---|---|\n\
         | J1 | ジュニア | 基本的な実装ができる | / |\n\
         | J2 | シニア | アーキテクチャを決定できる | 経営層に説明できる |\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(vec!["ジュニア".to_owned(), "シニア".to_owned()], vec![1, 2])]
    );
}

#[test]
fn a_bold_level_line_over_a_paragraph_describing_it_then_its_list_is_a_level() {
    let ladder = import(
        "niveles.md",
        "# Niveles de ingeniería\n\nPublicado por el equipo de Personas.\n\n\
         **Nivel 1 – Desarrollador Trainee**\n\nAprende con un mentor.\n\n\
         - Completa tareas pequeñas\n- Participa en las ceremonias\n\n\
         **Nivel 2 – Desarrollador Junior**\n\n- Resuelve tickets solo\n- Escribe pruebas\n\n\
         **Nivel 3 – Desarrollador Senior**\n\n- Diseña soluciones\n- Revisa código\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Nivel 1 – Desarrollador Trainee".to_owned(),
                "Nivel 2 – Desarrollador Junior".to_owned(),
                "Nivel 3 – Desarrollador Senior".to_owned()
            ],
            vec![2, 2, 2]
        )]
    );
    let first = ladder.levels().next().unwrap().1;
    assert_eq!(first.description.as_deref(), Some("Aprende con un mentor."));
}

#[test]
fn a_google_docs_page_is_titled_by_its_title_paragraph() {
    let ladder = import(
        "Engineering_Ladder.html",
        "<html><head><title>Engineering_Ladder</title></head><body>\
         <p class=\"c4 title\"><span>Engineering Ladder (v3)</span></p>\
         <h1><span>Level 1 &ndash; Software Engineer</span></h1><ul><li><span>Writes readable code</span></li></ul>\
         <h1><span>Level 2 &ndash; Senior Software Engineer</span></h1><ul><li><span>Designs services</span></li></ul>\
         </body></html>",
    );
    assert_eq!(ladder.title, "Engineering Ladder (v3)");
    assert_eq!(level_titles(&ladder).len(), 2);
}

#[test]
fn a_page_of_an_article_or_a_section_per_level_reads_every_level() {
    for (open, close) in [
        ("<article><h2>", "</h2>"),
        ("<section><header><h2>", "</h2></header>"),
    ] {
        let page = format!(
            "<h1>Data Engineering Levels</h1>\
             {open}Data Engineer I{close}<ul><li>Builds simple pipelines</li><li>Writes SQL</li></ul>{end}\
             {open}Data Engineer II{close}<ul><li>Models data</li><li>Adds data tests</li></ul>{end}",
            end = if open.starts_with("<article") { "</article>" } else { "</section>" }
        );
        let ladder = import("levels.html", &page);
        assert_eq!(
            level_titles(&ladder),
            ["Data Engineer I", "Data Engineer II"],
            "{open}"
        );
    }
}

#[test]
fn a_table_of_people_and_their_contacts_under_a_role_is_its_roster() {
    let ladder = import(
        "governance.md",
        "# Governance\n\n## Maintainers\n\n- Review changes\n- Cut releases\n\n\
         | Name | Matrix ID |\n|---|---|\n| Ann Lee | |\n| Bo Chen | bo (@bo:matrix.org) |\n\n\
         ## Project Lead\n\n- Sets direction\n- Breaks ties\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec!["Maintainers".to_owned(), "Project Lead".to_owned()],
            vec![2, 2]
        )]
    );
    assert_eq!(ladder.areas.len(), 1, "{:?}", ladder.areas);
}

#[test]
fn labels_in_lenticular_brackets_over_diamond_bullets_name_their_areas() {
    let ladder = import(
        "levels.md",
        "# 后端研发职级标准\n\n## 初级工程师\n\n【专业能力】\n◆ 能独立完成模块开发\n◆ 了解常用中间件\n\n\
         【工作态度】\n◆ 按时完成任务\n\n## 高级工程师\n\n【专业能力】\n◆ 负责核心系统架构设计\n◆ 主导跨团队技术方案\n",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [
            (
                "专业能力".to_owned(),
                vec!["能独立完成模块开发".to_owned(), "了解常用中间件".to_owned()]
            ),
            ("工作态度".to_owned(), vec!["按时完成任务".to_owned()])
        ]
    );
}

#[test]
fn a_table_of_roles_titled_in_german_inclusive_writing_has_the_roles_as_levels() {
    let ladder = import(
        "governance.md",
        "# Governance\n\n## Rollen\n\n| Rolle | Aufgaben | Wie wird man … |\n|---|---|---|\n\
         | Nutzer:in | Meldet Fehler | Das Projekt verwenden |\n\
         | Mitwirkende:r | Reicht Änderungen ein | Erster Pull Request |\n\
         | Committer:in | Übernimmt Änderungen | Wahl durch Committer:innen |\n\
         | Projektleitung | Plant Releases | Wahl |\n\n\
         ## Entscheidungsfindung\n\nEntscheidungen fallen im Konsens.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        [
            "Nutzer:in",
            "Mitwirkende:r",
            "Committer:in",
            "Projektleitung"
        ]
    );
}

#[test]
fn a_role_of_one_paragraph_among_roles_with_area_headings_expects_it() {
    let ladder = import(
        "roles.md",
        "# Community Roles\n\n## Contributor\n\nAnyone who contributes code, documentation or reviews.\n\n\
         ## Reviewer\n\n### Requirements\n- Ten accepted pull requests\n\n### Responsibilities\n\
         - Review pull requests in their area\n\n## Maintainer\n\n### Requirements\n\
         - Reviewer for six months\n\n### Responsibilities\n- Publish releases\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Contributor".to_owned(),
                "Reviewer".to_owned(),
                "Maintainer".to_owned()
            ],
            vec![1, 2, 2]
        )]
    );
}

#[test]
fn a_restructuredtext_field_list_names_each_field_s_area() {
    let ladder = import(
        "roles.rst",
        "Community Roles\n###############\n\nMember\n======\n\n:Requirements: Two merged contributions.\n\
         :Privileges: Can review pull requests.\n\nApprover\n========\n\n\
         :Requirements: Nominated by an approver.\n:Privileges: Can merge pull requests.\n",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 1),
        [
            (
                "Requirements".to_owned(),
                vec!["Nominated by an approver.".to_owned()]
            ),
            (
                "Privileges".to_owned(),
                vec!["Can merge pull requests.".to_owned()]
            )
        ]
    );
}

#[test]
fn a_matrix_titled_by_a_role_over_a_table_of_its_levels_is_not_a_page_about_one_level() {
    // "Backend Developer Competency Matrix" reads like a level's title; the table under it
    // names the levels ("미드레벨", mid-level, among them) and a prose section follows.
    let ladder = import(
        "matrix.md",
        "# Backend Developer Competency Matrix\n\nFor the team's reviews.\n\n\
         | 역량 | 주니어 | 미드레벨 | 시니어 |\n| :-- | :-- | :-- | :-- |\n\
         | 코드 품질 | 리뷰 피드백을 반영한다 | 읽기 쉬운 코드를 작성한다 | 코드 컨벤션을 정의한다 |\n\
         | 운영 | 장애 알림에 응답한다 | 장애 원인을 분석한다 | 장애 회고를 주도한다 |\n\n\
         ## 참고\n\n- 레벨 산정은 분기별로 진행합니다.\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "주니어".to_owned(),
                "미드레벨".to_owned(),
                "시니어".to_owned()
            ],
            vec![2, 2, 2]
        )]
    );
}

#[test]
fn a_badge_naming_the_rung_beside_each_level_heading_is_not_an_expectation() {
    let html = r#"<html lang="pt-BR"><body><main>
<section><header><h2>Engenheiro(a) de Dados I</h2><span class="badge">Nível 1</span></header>
<p><b>Técnico</b></p><ul><li>Constrói pipelines simples</li><li>Escreve consultas SQL</li></ul>
<p><b>Comportamento</b></p><ul><li>Pede ajuda quando está bloqueado(a)</li></ul></section>
<section><header><h2>Engenheiro(a) de Dados II</h2><span class="badge">Nível 2</span></header>
<p><b>Técnico</b></p><ul><li>Modela dados para analytics</li></ul>
<p><b>Comportamento</b></p><ul><li>Revisa o código de colegas</li><li>Documenta decisões</li></ul></section>
</main></body></html>"#;
    let ladder = import("niveis.html", html);
    assert_eq!(
        titles_and_counts(&ladder),
        vec![(
            vec![
                String::from("Engenheiro(a) de Dados I"),
                String::from("Engenheiro(a) de Dados II")
            ],
            vec![3, 3]
        )]
    );
}

#[test]
fn a_definition_list_of_roles_whose_first_role_is_one_sentence() {
    let html = r#"<html lang="fr"><body><h1>Rôles de la communauté</h1>
<dl>
  <dt>Utilisateur·rice</dt>
  <dd><p>Utilise Héron et signale les bogues sur le forum.</p></dd>
  <dt>Mainteneur·euse</dt>
  <dd><ul><li>Relit et fusionne les contributions</li><li>Prépare les versions</li></ul></dd>
  <dt>Membre du comité de pilotage</dt>
  <dd><ul><li>Arbitre les désaccords</li><li>Gère le budget de l'association</li></ul></dd>
</dl></body></html>"#;
    let ladder = import("roles.html", html);
    assert_eq!(
        titles_and_counts(&ladder),
        vec![(
            vec![
                String::from("Utilisateur·rice"),
                String::from("Mainteneur·euse"),
                String::from("Membre du comité de pilotage")
            ],
            vec![1, 2, 2]
        )]
    );
    // (Its term over plain text, in a list where the others hold lists, the same.)
    let ladder = import(
        "roles.html",
        &html
            .replace("<dd><p>", "<dd>")
            .replace("</p></dd>", "</dd>"),
    );
    assert_eq!(level_titles(&ladder).len(), 3);
}

#[test]
fn bold_role_lines_where_the_first_says_who_in_a_sentence() {
    let markdown =
        "# Community Roles\n\n**Contributor**\n\nAnyone who has contributed code, docs or \
                    reviews.\n\n**Committer**\n\n- Has merge rights\n- Reviews pull requests\n\n\
                    **Project Lead**\n\n- Owns the roadmap\n- Chairs the community call\n";
    let ladder = import("roles.md", markdown);
    assert_eq!(
        titles_and_counts(&ladder),
        vec![(
            vec![
                String::from("Contributor"),
                String::from("Committer"),
                String::from("Project Lead")
            ],
            vec![1, 2, 2]
        )]
    );
}

#[test]
fn roles_and_titles_in_more_languages_are_levels_and_a_process_section_is_prose() {
    // Dutch, Traditional Chinese, Ukrainian and Italian ladders, each with a trailing process
    // section: the rungs are known by their words, the section stays prose.
    let cases: [(&str, [&str; 2], &str); 4] = [
        ("# Rollen", ["Bijdrager", "Teamlid"], "## Besluitvorming"),
        (
            "# 工程職涯階梯",
            ["初階工程師", "資深工程師"],
            "## 晉升流程",
        ),
        (
            "# Ролі учасників",
            ["Учасник", "Співпрацівник"],
            "## Процес підвищення",
        ),
        ("# Ruoli", ["Membro", "Revisore"], "## Inattività"),
    ];
    for (title, rungs, process) in cases {
        let markdown = format!(
            "{title}\n\n## {}\n\n- Segue il codice\n- Apre issue chiare\n\n## {}\n\n- \
             Rivede le pull request\n- Aiuta i nuovi arrivati\n\n{process}\n\nLe decisioni \
             si prendono per consenso.\n",
            rungs[0], rungs[1]
        );
        let ladder = import("roles.md", &markdown);
        assert_eq!(level_titles(&ladder), rungs, "{title}");
    }
}

#[test]
fn headings_over_areas_another_heading_grouped_are_levels_not_lost() {
    // An AsciiDoc role ladder in Indonesian whose title names the contributors: each role's
    // block titles are its areas, and the roles the levels (not groups of one level's areas,
    // the later ones' titles lost).
    let adoc = "= Jenjang Peran Kontributor Proyek Komodo\n\nDokumen ini menjelaskan peran.\n\n\
                == Kontributor\n\n.Tanggung jawab\n* Mengikuti kode etik proyek\n* Melaporkan \
                bug\n\n== Reviewer\n\n.Tanggung jawab\n* Meninjau pull request\n* Memastikan \
                tes\n\n.Persyaratan\n* Telah menjadi kontributor\n\n== Maintainer\n\n\
                .Tanggung jawab\n* Merencanakan rilis\n\n.Persyaratan\n* Telah menjadi \
                reviewer\n";
    let ladder = import("peran.adoc", adoc);
    assert_eq!(
        titles_and_counts(&ladder),
        vec![(
            vec![
                String::from("Kontributor"),
                String::from("Reviewer"),
                String::from("Maintainer")
            ],
            vec![2, 3, 2]
        )]
    );
}

#[test]
fn a_table_of_numbered_competencies_each_graded_reads_the_grades_as_levels() {
    // A row per competency (as a GitBook page holds its sheet): its number, category, grade,
    // name and what it asks. The grades are the levels; a row graded `--` is of none.
    let markdown = "# Career Grade Matrix\n\n\
        | No | Categories | Grade | Competencies | Skill |\n\
        | -- | -- | -- | -- | -- |\n\
        | 1 | IC | I | Action Oriented (1) | Works on its own tasks with energy and focus. |\n\
        | 24 | IC | I | Technical Skills (24) | Has the knowledge and skill to do its tasks well. |\n\
        | 2 | | -- | Dealing With Ambiguity (2) | Adapts quickly to changes before the whole picture is known. |\n\
        | 16 | PV | I | Integrity and Trust (16) | Can be trusted by other people inside and outside work. |\n\
        | 30 | LD | II | Motivating Others (30) | Motivates other people who need it to grow at work. |\n\
        | 63 | IC | II | <p>Total Quality Management<br>[Total Work System (63)]</p> | Improves how the team works, step by step. |\n\
        | 45 | LD | III | Building Teams (45) | Builds strong teams that work well together every day. |\n";
    let ladder = import("grades.md", markdown);
    assert_eq!(
        titles_and_counts(&ladder),
        vec![(
            vec![String::from("I"), String::from("II"), String::from("III")],
            vec![3, 2, 1]
        )]
    );
    let areas: Vec<&str> = ladder.areas.iter().map(|area| area.name.as_str()).collect();
    assert!(areas.contains(&"Action Oriented"), "{areas:?}");
    assert!(
        areas
            .iter()
            .any(|area| area.starts_with("Total Quality Management [Total Work System")),
        "{areas:?}"
    );
}

#[test]
fn static_site_markup_is_no_text_of_the_ladder() {
    // Hugo's TOML front matter titles the ladder; its shortcodes, kramdown's attribute lines
    // and a GitHub alert's marker are the site's markup around the text, not the text.
    let markdown =
        "+++\ntitle = \"SRE Career Ladder\"\nweight = 20\n[params]\nicon = \"x\"\n+++\n\n\
        {{< hint info >}}\nLevels are calibrated across teams.\n{{< /hint >}}\n\n\
        ## SRE 1\n{: #sre-1 }\n\n> [!TIP]\n> Most new hires start here.\n\n\
        - Responds to pages with a runbook\n- Automates toil\n\n\
        ## Senior SRE\n\n- Designs capacity plans\n- Leads incident response\n";
    let ladder = import("sre.md", markdown);
    assert_eq!(ladder.title, "SRE Career Ladder");
    let summary = ladder.summary.clone().unwrap_or_default();
    assert!(summary.contains("Levels are calibrated"), "{summary}");
    assert!(!summary.contains("{{"), "{summary}");
    let first = &ladder.tracks[0].levels[0];
    let description = first.description.clone().unwrap_or_default();
    assert!(
        description.contains("Most new hires start here."),
        "{description}"
    );
    assert!(
        !description.contains("[!TIP]") && !description.contains("{:"),
        "{description}"
    );
    assert_eq!(
        titles_and_counts(&ladder),
        vec![(
            vec![String::from("SRE 1"), String::from("Senior SRE")],
            vec![2, 2]
        )]
    );
}

#[test]
fn data_written_in_another_language_or_with_shared_lists_reads_whole() {
    // Turkish keys; a YAML alias to a shared list beside a level's own texts; a module's
    // template string naming a constant of the module. The document's title names no area.
    let turkish = "baslik: Veri Mühendisliği Kariyer Basamakları\nseviyeler:\n  - ad: Veri \
                   Mühendisi\n    beklentiler:\n      - Mevcut veri hatlarını izler\n      - SQL \
                   sorgularını optimize eder\n  - ad: Kıdemli Veri Mühendisi\n    beklentiler:\n      \
                   - Yeni veri hatları tasarlar\n";
    let ladder = import_file_text("basamaklar.yaml", turkish);
    assert_eq!(ladder.title, "Veri Mühendisliği Kariyer Basamakları");
    assert_eq!(
        titles_and_counts(&ladder),
        vec![(
            vec![
                String::from("Veri Mühendisi"),
                String::from("Kıdemli Veri Mühendisi")
            ],
            vec![2, 1]
        )]
    );
    let aliased = "title: Platform Engineering Ladder\ncommon: &values\n  - Acts with integrity\n\
                   levels:\n  - title: Platform Engineer\n    expectations:\n      - *values\n      \
                   - Operates infrastructure with runbooks\n  - title: Senior Platform Engineer\n    \
                   expectations:\n      - *values\n      - Designs self-service tooling\n";
    let ladder = import_file_text("platform.yaml", aliased);
    assert_eq!(
        texts_by_area(&ladder, 0, 0)[0].1,
        [
            "Acts with integrity",
            "Operates infrastructure with runbooks"
        ]
    );
    assert!(ladder
        .areas
        .iter()
        .all(|area| area.name != "Platform Engineering Ladder"));
    let module = "const track = \"Frontend\";\nmodule.exports = {\n  title: `${track} Engineering \
                  Ladder`,\n  levels: [\n    { title: \"Frontend Engineer I\", expectations: [\"Builds UI \
                  components\"] },\n    { title: \"Senior Frontend Engineer\", expectations: [\"Mentors \
                  engineers\"] },\n  ],\n};\n";
    let ladder = import_file_text("ladder.js", module);
    assert_eq!(ladder.title, "Frontend Engineering Ladder");
    assert_eq!(level_titles(&ladder).len(), 2);
}

#[test]
fn a_short_english_sheet_is_english() {
    let csv = "Competency,Designer,Senior Designer\nVisual design,Applies the brand guidelines,\
               Extends the design system\nResearch,Takes notes in user interviews,Plans and runs \
               interviews\n";
    let ladder = import_file_text("design.csv", csv);
    assert_eq!(ladder.language.as_deref(), Some("en"));
}

/// A file's text imported as the file would be (data and sheets are read from their files).
fn import_file_text(name: &str, text: &str) -> Ladder {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(name);
    std::fs::write(&path, text).unwrap();
    match crate::import::import_file(&path) {
        Ok(imported) => imported.ladder,
        Err(errors) => panic!("{name}: {errors:?}"),
    }
}

#[test]
fn levels_in_a_headerless_layout_table_or_in_tabs() {
    let expected = vec![(
        vec![
            String::from("Associate Product Manager"),
            String::from("Product Manager"),
            String::from("Senior Product Manager"),
        ],
        vec![2, 2, 1],
    )];
    // A layout table of `<td>` only: its first row is a level as the others are.
    let table = "<html lang=\"en\"><body><h1>Product Management Levels</h1><table>\
        <tr><td>Associate Product Manager</td><td><ul><li>Writes user stories</li><li>Runs sprint reviews</li></ul></td></tr>\
        <tr><td>Product Manager</td><td><ul><li>Owns a roadmap</li><li>Defines metrics</li></ul></td></tr>\
        <tr><td>Senior Product Manager</td><td><ul><li>Sets strategy</li></ul></td></tr>\
        </table></body></html>";
    let ladder = import("levels.html", table);
    assert_eq!(titles_and_counts(&ladder), expected);
    assert!(ladder
        .areas
        .iter()
        .all(|area| !area.name.starts_with("Column")));
    // The same with each title a heading inside its cell over the level's abbreviation.
    let headed = table
        .replace(
            "<td>Associate Product Manager</td>",
            "<td><h3>Associate Product Manager</h3><p><em>APM</em></p></td>",
        )
        .replace(
            "<td>Product Manager</td>",
            "<td><h3>Product Manager</h3><p><em>PM</em></p></td>",
        )
        .replace(
            "<td>Senior Product Manager</td>",
            "<td><h3>Senior Product Manager</h3><p><em>SPM</em></p></td>",
        );
    assert_eq!(titles_and_counts(&import("levels.html", &headed)), expected);
    // Levels shown one at a time in tabs: each panel titled by its tab.
    let tabs = "<html lang=\"en\"><body><main><h1>Product Management Levels</h1>\
        <div role=\"tablist\"><button role=\"tab\" id=\"t1\" aria-controls=\"p1\">Associate Product Manager</button>\
        <button role=\"tab\" id=\"t2\" aria-controls=\"p2\">Product Manager</button>\
        <button role=\"tab\" id=\"t3\" aria-controls=\"p3\">Senior Product Manager</button></div>\
        <div role=\"tabpanel\" id=\"p1\" aria-labelledby=\"t1\"><ul><li>Writes user stories</li><li>Runs sprint reviews</li></ul></div>\
        <div role=\"tabpanel\" id=\"p2\" hidden><ul><li>Owns a roadmap</li><li>Defines metrics</li></ul></div>\
        <div role=\"tabpanel\" id=\"p3\" aria-labelledby=\"t3\" hidden><ul><li>Sets strategy</li></ul></div>\
        </main></body></html>";
    assert_eq!(titles_and_counts(&import("tabs.html", tabs)), expected);
}

#[test]
fn a_level_s_facts_in_a_small_table_or_labelled_lines_are_not_its_expectations() {
    // Under each level heading: a table of its facts (no header of its own), a reporting
    // line, a plain "Typical experience" line; then its areas.
    let markdown = "# SRE Ladder\n\n## Site Reliability Engineer I\n\n\
        | Typical experience | 0–2 years |\n|---|---|\n| Scope | A team |\n\n\
        **Reports to:** Engineering Manager\n\n### Technical\n- Automates routine tasks.\n- Reads dashboards.\n\n\
        ### Operations\n- Joins on-call.\n\n## Site Reliability Engineer II\n\n\
        | Typical experience | 2–5 years |\n|---|---|\n| Scope | A platform component |\n\n\
        **Reports to:** Engineering Manager\n\n### Technical\n- Designs monitoring.\n\n\
        ### Operations\n- Leads SEV-2 incidents.\n";
    let ladder = import("sre.md", markdown);
    assert_eq!(
        titles_and_counts(&ladder),
        vec![(
            vec![
                String::from("Site Reliability Engineer I"),
                String::from("Site Reliability Engineer II")
            ],
            vec![3, 2]
        )]
    );
    let first = &ladder.tracks[0].levels[0];
    assert_eq!(
        first.experience.as_ref().map(|e| e.text.as_str()),
        Some("0–2 years")
    );
    let description = first.description.clone().unwrap_or_default();
    assert!(
        description.contains("Scope:** A team") && description.contains("Reports to"),
        "{description}"
    );
    let html = "<html lang=\"en\"><body><h1>Design Career Ladder</h1>\
        <h3>Junior Product Designer</h3><p>Typical experience: 0&ndash;2 years</p>\
        <ul><li>Produces clean wireframes.</li><li>Shares work early.</li></ul>\
        <h3>Product Designer</h3><p>Typical experience: 2&ndash;5 years</p>\
        <ul><li>Owns the design of a feature.</li></ul></body></html>";
    let ladder = import("design.html", html);
    assert_eq!(titles_and_counts(&ladder)[0].1, vec![2, 1]);
    assert_eq!(
        ladder.tracks[0].levels[1]
            .experience
            .as_ref()
            .map(|e| e.text.as_str()),
        Some("2–5 years")
    );
}

#[test]
fn german_compounded_titles_and_foreign_title_columns() {
    // "Softwareentwickler", "Teamleiter:in", "Bereichsleiter:in Engineering": posts written
    // as one word with their field; the management run is its own track.
    let markdown = "# Karrierestufen\n\n## Fachlaufbahn\n\n### Junior Softwareentwickler:in\n\n\
        **Fachliche Kompetenz**\n\n- Setzt Aufgaben um.\n- Schreibt Tests.\n\n\
        ### Softwareentwickler:in\n\n**Fachliche Kompetenz**\n\n- Implementiert Features.\n\n\
        ### Senior Softwareentwickler:in\n\n**Fachliche Kompetenz**\n\n- Verantwortet die Architektur.\n\n\
        ## Führungslaufbahn\n\n### Teamleiter:in\n\n**Führung**\n\n- Führt Einzelgespräche.\n\n\
        ### Bereichsleiter:in Engineering\n\n**Führung**\n\n- Entwickelt Teamleiter:innen weiter.\n\n\
        ## Beförderungen\n\nBeförderungen finden zweimal im Jahr statt.\n";
    let ladder = import("karriere.md", markdown);
    let tracks: Vec<&str> = ladder
        .tracks
        .iter()
        .map(|track| track.name.as_str())
        .collect();
    assert_eq!(tracks, ["Fachlaufbahn", "Führungslaufbahn"]);
    let titles: Vec<Vec<String>> = titles_and_counts(&ladder)
        .into_iter()
        .map(|(titles, _)| titles)
        .collect();
    assert_eq!(
        titles,
        [
            vec![
                "Junior Softwareentwickler:in",
                "Softwareentwickler:in",
                "Senior Softwareentwickler:in"
            ],
            vec!["Teamleiter:in", "Bereichsleiter:in Engineering"]
        ]
    );
    // A column headed "Cargo" after the codes titles the levels.
    let csv = "Nível,Cargo,Conhecimento técnico\nI,Desenvolvedor(a) Júnior,Implementa tarefas \
               bem definidas.\nII,Desenvolvedor(a) Pleno,Projeta funcionalidades completas.\n\
               III,Desenvolvedor(a) Sênior,Define a arquitetura dos serviços.\n";
    let ladder = import_file_text("trilha.csv", csv);
    assert_eq!(
        level_titles(&ladder),
        [
            "Desenvolvedor(a) Júnior",
            "Desenvolvedor(a) Pleno",
            "Desenvolvedor(a) Sênior"
        ]
    );
}

#[test]
fn a_level_s_mission_line_describes_it_in_any_language() {
    for (label, colon) in [
        ("What you work on", ":"),
        ("ミッション", "："),
        ("역할 요약", ":"),
        ("Mission", ":"),
    ] {
        let markdown = format!(
            "# Ladder\n\n## Data Analyst\n\n**{label}{colon}** reports for one team.\n\n\
             - Writes SQL.\n- Builds dashboards.\n\n## Senior Data Analyst\n\n\
             **{label}{colon}** the needs of a whole team.\n\n- Designs metrics.\n"
        );
        let ladder = import("data.md", &markdown);
        assert_eq!(titles_and_counts(&ladder)[0].1, vec![2, 1], "{label}");
        let level = &ladder.tracks[0].levels[0];
        let said = format!(
            "{} {}",
            level.headline.clone().unwrap_or_default(),
            level.description.clone().unwrap_or_default()
        );
        assert!(said.contains("reports for one team"), "{label}: {said}");
    }
}

#[test]
fn a_site_module_with_joined_strings_and_constant_members() {
    let module = "const EXP = { jr: \"0–2 años\", sr: \"4+ años\" } as const;\n\
        export const ladder = {\n  titulo: \"Carrera\",\n  descripcion: \"Primera frase. \" +\n    \"Segunda frase.\",\n\
        niveles: [\n    { titulo: \"Desarrollador/a Junior\", experiencia: EXP.jr, expectativas: [\n\
        { area: \"Técnica\", texto: \"Implementa tareas.\" }, { area: \"Colaboración\", texto: \"Pide ayuda.\" } ] },\n\
        { titulo: \"Desarrollador/a Senior\", experiencia: EXP.sr, expectativas: [\n\
        { area: \"Técnica\", texto: \"Define la arquitectura.\" } ] },\n  ],\n};\n";
    let ladder = import_file_text("carrera.ts", module);
    assert_eq!(
        titles_and_counts(&ladder),
        vec![(
            vec![
                String::from("Desarrollador/a Junior"),
                String::from("Desarrollador/a Senior")
            ],
            vec![2, 1]
        )]
    );
    let areas: Vec<&str> = ladder.areas.iter().map(|area| area.name.as_str()).collect();
    assert_eq!(areas, ["Técnica", "Colaboración"]);
}

#[test]
fn a_glossary_and_a_list_of_current_holders_are_no_levels() {
    let markdown = "# 社区角色\n\n## 贡献者（Contributor）\n\n**职责：**\n\n- 遵守社区行为准则\n- 积极回应意见\n\n\
        ## PMC 成员\n\n**职责：**\n\n- 制定项目路线图\n- 处理安全漏洞报告\n\n\
        ## 当前 PMC 成员\n\n- 王雨桐（@wangyutong）\n- 陈思远（@chensiyuan）\n\n\
        ## 术语\n\n| 术语 | 含义 |\n|---|---|\n| Committer | 提交者 |\n| PMC | 项目管理委员会 |\n";
    let ladder = import("roles.md", markdown);
    assert_eq!(level_titles(&ladder), ["贡献者（Contributor）", "PMC 成员"]);
}

#[test]
fn a_code_tag_above_each_level_heading_and_a_bold_role_with_a_remark() {
    let html = "<html lang=\"en\"><body><h1>Design Career Ladder</h1>\
        <div class=\"level-card\"><div class=\"level-tag\">D1</div><h3>Junior Product Designer</h3>\
        <ul><li>Produces clean wireframes.</li><li>Shares work early.</li></ul></div>\
        <div class=\"level-card\"><div class=\"level-tag\">D2</div><h3>Product Designer</h3>\
        <ul><li>Owns the design of a feature.</li></ul></div></body></html>";
    let ladder = import("design.html", html);
    assert_eq!(titles_and_counts(&ladder)[0].1, vec![2, 1]);
    let codes: Vec<Option<&str>> = ladder.tracks[0]
        .levels
        .iter()
        .map(|level| level.code.as_deref())
        .collect();
    assert_eq!(codes, [Some("D1"), Some("D2")]);
    let markdown = "# MAINTAINERS\n\n## Roles\n\n**Reviewer** (GitHub team `@proj/reviewers`)\n\n\
        - Reviews pull requests.\n- Triages new issues weekly.\n\n\
        **Maintainer** (GitHub team `@proj/maintainers`)\n\n- Merges approved pull requests.\n\n\
        **Lead** (GitHub team `@proj/leads`)\n\n- Decides on breaking changes.\n";
    assert_eq!(
        level_titles(&import("MAINTAINERS.md", markdown)),
        ["Reviewer", "Maintainer", "Lead"]
    );
}

#[test]
fn a_title_naming_the_roles_together_is_no_rung_over_two_roles() {
    let markdown = "# Contributor Roles\n\nThis document explains the roles in our community and \
        how people move between them. We keep it short on purpose, and we revise it every year \
        with the whole community.\n\n## Contributor\n\n* Follows the Code of Conduct.\n* Signs off \
        every commit.\n\n## Committer\n\n* Reviews pull requests in their modules.\n* Keeps module \
        docs up to date.\n";
    assert_eq!(
        level_titles(&import("roles.md", markdown)),
        ["Contributor", "Committer"]
    );
}

#[test]
fn a_role_the_summary_table_leaves_out_keeps_its_place_among_the_sections() {
    let markdown = "# Contributor Ladder\n\n| Role | Requirements |\n|------|--------------|\n\
        | Contributor | Open a PR |\n| Reviewer | History of reviews |\n| Maintainer | Sustained leadership |\n\n\
        ## Community Participant\n\n- Follows the Code of Conduct.\n- Helps other users.\n\n\
        ## Contributor\n\n- Submits pull requests.\n- Reports bugs.\n\n\
        ## Reviewer\n\n- Reviews pull requests in one area.\n\n\
        ## Maintainer\n\n- Approves pull requests in any area.\n- Cuts releases.\n";
    assert_eq!(
        level_titles(&import("ladder.md", markdown)),
        [
            "Community Participant",
            "Contributor",
            "Reviewer",
            "Maintainer"
        ]
    );
}

#[test]
fn a_word_page_s_title_paragraph_titles_the_ladder_and_side_by_side_labels_stay_apart() {
    let html = "<html><head><meta name=ProgId content=Word.Document><title>Developer levels</title></head>\
        <body lang=EN-US><div class=WordSection1><p class=MsoTitle>Developer Levels<o:p></o:p></p>\
        <h1>Purpose<o:p></o:p></h1><p class=MsoNormal>This document defines our levels.<o:p></o:p></p>\
        <h1>Levels<o:p></o:p></h1><h2>Junior Developer<o:p></o:p></h2><ul><li>Implements small features.</li></ul>\
        <h2>Senior Developer<o:p></o:p></h2><ul><li>Designs the service architecture.</li></ul></div></body></html>";
    let ladder = import("levels.htm", html);
    assert_eq!(ladder.title, "Developer Levels");
    assert_eq!(
        level_titles(&ladder),
        ["Junior Developer", "Senior Developer"]
    );
    let html = "<html><body><h1>Contributor ladder</h1><h2>Triager</h2>\
        <div><label for=\"t1\">Responsibilities</label><label for=\"t2\">How to become one</label></div>\
        <ul><li>Reproduces reported bugs.</li></ul><h2>Committer</h2><ul><li>Reviews pull requests.</li></ul>\
        </body></html>";
    let yaml = serde_yaml::to_string(&import("ladder.html", html)).unwrap();
    assert!(!yaml.contains("ResponsibilitiesHow"), "{yaml}");
}

#[test]
fn a_heading_s_permalink_is_not_part_of_its_title() {
    // VuePress and Sphinx pages: `<a class="header-anchor" href="#…">#</a>` before a
    // heading's words, `¶` after them.
    let ladder = import(
        "roles.html",
        "<h1><a class=\"header-anchor\" href=\"#roles\" aria-hidden=\"true\">#</a> Roles</h1>\
         <h2><a class=\"header-anchor\" href=\"#c\">#</a> Contributor</h2><ul><li>Files issues.</li></ul>\
         <h2>Maintainer<a class=\"headerlink\" href=\"#m\">¶</a></h2><ul><li>Merges changes.</li></ul>",
    );
    assert_eq!(ladder.title, "Roles");
    assert_eq!(level_titles(&ladder), ["Contributor", "Maintainer"]);
}

#[test]
fn a_body_written_as_one_word_is_a_body() {
    for body in [
        "Kernteam",
        "Stuurgroep",
        "Lenkungsausschuss",
        "Programmcommissie",
    ] {
        assert!(super::likeness::names_a_body(body), "{body}");
    }
    for other in ["Team", "Steam", "Maintainer", "Gruppe"] {
        assert!(!super::likeness::names_a_body(other), "{other}");
    }
}

#[test]
fn turkish_data_keys_name_areas_and_their_items() {
    // A Jekyll data file: `seviyeler` (levels) each with `ad` (name), `ozet` (summary) and
    // `beklentiler` (expectations) as `{alan: area, maddeler: [items]}`.
    let ladder = import_file_text(
        "kariyer.yml",
        "baslik: Kariyer Basamakları\nseviyeler:\n  - ad: Mühendis I\n    ozet: Net işleri tamamlar.\n\
         \x20   beklentiler:\n      - alan: Teknik\n        maddeler:\n          - Okunabilir kod yazar.\n\
         \x20     - alan: İletişim\n        maddeler:\n          - Yardım ister.\n\
         \x20 - ad: Mühendis II\n    beklentiler:\n      - alan: Teknik\n        maddeler:\n          - Tasarım yapar.\n",
    );
    assert_eq!(level_titles(&ladder), ["Mühendis I", "Mühendis II"]);
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [
            (
                "Teknik".to_owned(),
                vec!["Okunabilir kod yazar.".to_owned()]
            ),
            ("İletişim".to_owned(), vec!["Yardım ister.".to_owned()])
        ]
    );
}

#[test]
fn a_page_s_sharing_buttons_comments_and_properties_are_chrome() {
    // A Notion export's page icon and properties table; a WordPress page's sharing buttons and
    // closed comments.
    let ladder = import(
        "levels.html",
        "<article><header><div class=\"page-header-icon\"><span class=\"icon\">🪜</span></div>\
         <h1 class=\"page-title\">Levels</h1><table class=\"properties\"><tr><th>Owner</th>\
         <td>Maya Lindqvist</td></tr></table></header>\
         <h2>Junior</h2><ul class=\"icon-list\"><li>Learns.</li></ul>\
         <h2>Senior</h2><ul class=\"comments\"><li>Leads.</li></ul>\
         <div class=\"sharedaddy sd-sharing-enabled\"><h3>Share:</h3><ul><li>LinkedIn</li></ul></div>\
         <div id=\"comments\" class=\"comments-area\"><p>Comments are closed.</p></div></article>",
    );
    assert_eq!(level_titles(&ladder), ["Junior", "Senior"]);
    let yaml = serde_yaml::to_string(&ladder).unwrap();
    for chrome in ["Maya", "🪜", "LinkedIn", "Comments are closed"] {
        assert!(!yaml.contains(chrome), "{chrome}: {yaml}");
    }
    // (Content whose class only shares a word with chrome stays.)
    for content in ["Learns.", "Leads."] {
        assert!(yaml.contains(content), "{content}: {yaml}");
    }
}

#[test]
fn a_bold_label_naming_the_current_holders_is_said_about_the_level() {
    let ladder = import(
        "roles.md",
        "# Roles\n\n## Approver\n\n### Responsibilities\n\n- Reviews changes\n- Approves changes\n\n\
         **Current approvers:** @hkowalski, @mina-ito\n\n## Maintainer\n\n### Responsibilities\n\n\
         - Cuts releases\n\n**Current maintainers:**\n\n- @dsantos\n- @rjaber\n",
    );
    assert_eq!(level_titles(&ladder), ["Approver", "Maintainer"]);
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [(
            "Responsibilities".to_owned(),
            vec!["Reviews changes".to_owned(), "Approves changes".to_owned()]
        )]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 1),
        [(
            "Responsibilities".to_owned(),
            vec!["Cuts releases".to_owned()]
        )]
    );
    let described = |index: usize| {
        ladder.tracks[0].levels[index]
            .description
            .clone()
            .unwrap_or_default()
    };
    assert!(described(0).contains("@hkowalski"), "{}", described(0));
    assert!(described(1).contains("@rjaber"), "{}", described(1));
}

#[test]
fn an_overview_keyed_by_codes_joins_the_levels_it_names() {
    // Sections titled with the code and a name, after an overview row per code.
    let sections = import(
        "codes.md",
        "# Ladder\n\n| Level | Scope |\n|---|---|\n| M1 | One team |\n| M2 | Several teams |\n\n\
         ## M1 – Engineering Manager\n\n- Holds 1:1s.\n- Hires.\n\n\
         ## M2 – Senior Engineering Manager\n\n- Coaches managers.\n- Plans.\n",
    );
    assert_eq!(
        titles_and_counts(&sections),
        [(
            vec![
                "M1 – Engineering Manager".to_owned(),
                "M2 – Senior Engineering Manager".to_owned()
            ],
            vec![2, 2]
        )]
    );
    assert!(sections.tracks[0].levels[0]
        .description
        .as_deref()
        .is_some_and(|text| text.contains("One team")));
    // A table of titles per code, then a matrix whose columns are the codes: the matrix's
    // levels take the titles.
    let matrix = import(
        "matrix.md",
        "# Ladder\n\n## Titles\n\n| Level | Title | Scope |\n|---|---|---|\n\
         | L1 | Engineer I | A task |\n| L2 | Engineer II | A feature |\n\n\
         ## Expectations\n\n| | L1 | L2 |\n|---|---|---|\n\
         | **Technical** | Writes tests<br>Fixes bugs | Designs features |\n\
         | **Delivery** | Ships small changes | Plans releases<br>Monitors crashes |\n",
    );
    assert_eq!(
        titles_and_counts(&matrix),
        [(
            vec!["Engineer I".to_owned(), "Engineer II".to_owned()],
            vec![3, 3]
        )]
    );
    assert_eq!(matrix.tracks[0].levels[1].code.as_deref(), Some("L2"));
    // Two tracks each titled by the same codes are two kinds of work, not a summary.
    let tracks = import(
        "two.md",
        "# Ladder\n\n## Backend\n\n### L1 Backend Engineer\n\n- Writes code.\n- Tests.\n\n\
         ### L2 Backend Engineer\n\n- Designs.\n- Reviews.\n\n## Frontend\n\n\
         ### L1 Frontend Engineer\n\n- Builds pages.\n\n### L2 Frontend Engineer\n\n\
         - Designs pages.\n",
    );
    assert_eq!(
        titles_and_counts(&tracks).len(),
        2,
        "{:?}",
        titles_and_counts(&tracks)
    );
}

#[test]
fn definition_lists_in_markdown_name_areas() {
    // PHP Markdown Extra / MkDocs / Pandoc: `Term` over `:   definition` lines.
    let ladder = import(
        "dl.md",
        "# Ladder\n\n## Junior\n\nTechnical\n:   Writes SQL.\n:   Knows batch from stream.\n\n\
         Quality\n:   Adds tests.\n\n## Senior\n\nTechnical\n:   Designs models.\n\n\
         Quality\n:   Defines SLAs.\n:   Leads incidents.\n",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [
            (
                "Technical".to_owned(),
                vec![
                    "Writes SQL.".to_owned(),
                    "Knows batch from stream.".to_owned()
                ]
            ),
            ("Quality".to_owned(), vec!["Adds tests.".to_owned()])
        ]
    );
    assert_eq!(level_titles(&ladder), ["Junior", "Senior"]);
}

#[test]
fn a_table_row_with_a_blank_area_goes_on_with_the_area_above() {
    // An overview table names the levels first; each level's own table of areas is still
    // what the level expects.
    let ladder = import(
        "pm.md",
        "# PM\n\n## Levels at a glance\n\n| Code | Title | Scope |\n|---|---|---|\n\
         | P1 | Associate Product Manager | A feature |\n| P2 | Product Manager | An area |\n\n\
         ## Expectations by level\n\n### P1 — Associate Product Manager\n\n\
         | Competency | What good looks like |\n|---|---|\n| Discovery | Joins interviews. |\n\
         | | Uses dashboards. |\n| Delivery | Writes stories. |\n\n\
         ### P2 — Product Manager\n\n| Competency | What good looks like |\n|---|---|\n\
         | Discovery | Runs discovery. |\n| Delivery | Owns the roadmap. |\n| | Defines metrics. |\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "P1 — Associate Product Manager".to_owned(),
                "P2 — Product Manager".to_owned()
            ],
            vec![3, 3]
        )]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0)[0],
        (
            "Discovery".to_owned(),
            vec![
                "Joins interviews.".to_owned(),
                "Uses dashboards.".to_owned()
            ]
        )
    );
}

#[test]
fn a_first_role_titled_in_words_no_list_knows_is_a_level_when_it_writes_the_levels_labels() {
    // "Bidragyder" (Danish: contributor) writes the bold labels over lists the roles after it
    // write: one more of them, not an introduction.
    let ladder = import(
        "roller.md",
        "# Roller\n\n### Bidragyder\n\n**Krav**\n\n- Overholder adfærdskodekset.\n\n\
         **Ansvar**\n\n- Beskriver ændringer.\n\n### Reviewer\n\n**Krav**\n\n- Otte pull requests.\n\n\
         **Ansvar**\n\n- Gennemgår pull requests.\n\n### Committer\n\n**Krav**\n\n\
         - Seks måneder som reviewer.\n\n**Ansvar**\n\n- Fletter ændringer.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Bidragyder", "Reviewer", "Committer"]
    );
}

#[test]
fn a_section_of_questions_and_answers_after_the_roles_is_prose_in_any_language() {
    let ladder = import(
        "fi.md",
        "# Portaat\n\n## Kontribuuttori\n\n- **Vaatimukset**\n  - Hyväksyy ohjeet.\n\
         - **Vastuut**\n  - Kirjoittaa testit.\n\n## Katselmoija\n\n- **Vaatimukset**\n\
         \x20 - Kymmenen muutosta.\n- **Vastuut**\n  - Katselmoi viikoittain.\n\n\
         ## Ylläpitäjä\n\n- **Vaatimukset**\n  - Vuosi katselmoijana.\n- **Vastuut**\n\
         \x20 - Julkaisee versiot.\n\n## Usein kysyttyä\n\n\
         Voiko työnantaja nimittää minut?\n\nEi voi.\n\nLasketaanko dokumentaatio?\n\nLasketaan.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Kontribuuttori", "Katselmoija", "Ylläpitäjä"]
    );
    assert!(ladder
        .sections
        .iter()
        .any(|section| section.title == "Usein kysyttyä" && section.body.contains("Ei voi.")));
}

#[test]
fn a_table_of_the_roles_under_its_own_heading_joins_their_sections_under_another() {
    let ladder = import(
        "ru.md",
        "# Лестница\n\n## Кратко\n\n| Роль | Кто назначает |\n|---|---|\n\
         | Участник | — |\n| Ревьюер | коммиттеры |\n| Коммиттер | мейнтейнеры |\n\n## Роли\n\n\
         ### Участник\n\n- Соблюдает кодекс.\n- Подписывает CLA.\n\n### Ревьюер\n\n\
         - Проверяет PR.\n- Помогает новичкам.\n\n### Коммиттер\n\n- Сливает PR.\n\
         - Ведёт релизы.\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                "Участник".to_owned(),
                "Ревьюер".to_owned(),
                "Коммиттер".to_owned()
            ],
            vec![2, 2, 2]
        )]
    );
    assert!(ladder.tracks[0].levels[1]
        .description
        .as_deref()
        .is_some_and(|text| text.contains("коммиттеры")));
}

#[test]
fn obsidian_callouts_name_areas_and_its_links_comments_and_embeds_read_as_text() {
    let ladder = import(
        "obsidian.md",
        "# Design Ladder\n\n%% editors only %%\n\n![[diagram.png|600]]\n\n## D1 · Designer I\n\n\
         > [!abstract] Craft\n> - Uses the [[Design System|design system]].\n> - Prototypes flows.\n\n\
         > [!abstract] Research\n> - Takes notes in [[Usability sessions]]. ^notes\n\n\
         > [!tip]- A note\n> Ask early.\n\n## D2 · Designer II\n\n> [!abstract] Craft\n\
         > - Designs complete flows.\n\n> [!abstract] Research\n> - Runs tests.\n> - Writes readouts.\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec!["D1 · Designer I".to_owned(), "D2 · Designer II".to_owned()],
            vec![3, 3]
        )]
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [
            (
                "Craft".to_owned(),
                vec![
                    "Uses the design system.".to_owned(),
                    "Prototypes flows.".to_owned()
                ]
            ),
            (
                "Research".to_owned(),
                vec!["Takes notes in Usability sessions.".to_owned()]
            )
        ]
    );
    let yaml = serde_yaml::to_string(&ladder).unwrap();
    for raw in ["%%", "[[", "![[", "^notes"] {
        assert!(!yaml.contains(raw), "{raw} in {yaml}");
    }
    assert!(yaml.contains("Ask early."));
    // A `%%` never closed hides nothing: what follows is still the page.
    let unclosed = import(
        "unclosed.md",
        "# L

%% unclosed note

## Junior

- Writes code.

## Senior

- Designs.
",
    );
    assert_eq!(level_titles(&unclosed), ["Junior", "Senior"]);
}

#[test]
fn a_definition_of_paragraphs_says_one_thing_in_each() {
    let ladder = import(
        "grades.html",
        "<html><body><h1>Grades</h1>\
         <h2>G1 Junior</h2><dl><dt>Tech</dt><dd><ul><li>Writes code.</li><li>Fixes review notes.</li></ul></dd>\
         <dt>Team</dt><dd><p>Reports progress.</p></dd></dl>\
         <h2>G2 Senior</h2><dl><dt>Tech</dt><dd><p>Designs services.</p></dd>\
         <dt>Team</dt><dd><p>Mentors juniors.</p><p>Interviews candidates.</p></dd></dl>\
         </body></html>",
    );
    assert_eq!(
        texts_by_area(&ladder, 0, 1),
        [
            ("Tech".to_owned(), vec!["Designs services.".to_owned()]),
            (
                "Team".to_owned(),
                vec![
                    "Mentors juniors.".to_owned(),
                    "Interviews candidates.".to_owned()
                ]
            )
        ]
    );
}

#[test]
fn notes_under_a_sheet_s_matrix_a_change_log_and_bullets_on_one_line() {
    // Notes rows after an empty row fill a label and one text: prose, not an area of the first
    // level.
    let notes = import_file_text(
        "support.csv",
        "Area;Agent I;Agent II;Senior Agent;Team Lead\n\
         Service;Answers chats.;Takes calls.;Handles escalations.;Owns the service level.\n\
         Product;Knows the app.;Reads logs.;Tests releases.;Brings feedback.\n\
         ;;;;\n\
         Note;Level I is usually the first year.;;;\n\
         Promotions;Decided twice a year.;;;\n",
    );
    assert_eq!(titles_and_counts(&notes)[0].1, [2, 2, 2, 2]);
    assert!(notes
        .sections
        .iter()
        .any(|section| section.body.contains("Decided twice a year.")));
    // A cell's bullets written on one line are one expectation each; a sheet of dates is a
    // change log.
    let bullets = import_file_text(
        "roles.tsv",
        "Tier\tRole\tResponsibilities\n\
         0\tMember\t• Joins discussions • Reports bugs\n\
         1\tContributor\t• Responds to reviews\n\
         2\tMaintainer\t• Merges pull requests • Cuts releases • Handles reports\n",
    );
    assert_eq!(
        titles_and_counts(&bullets),
        [(
            vec![
                "Member".to_owned(),
                "Contributor".to_owned(),
                "Maintainer".to_owned()
            ],
            vec![2, 1, 3]
        )]
    );
    let log = import(
        "log.md",
        "# Ladder\n\n## Junior\n\n- Writes code.\n\n## Senior\n\n- Designs systems.\n\n\
         ## History\n\n| Date | Change | By |\n|---|---|---|\n\
         | 2024-03-12 | Added Senior. | K. L. |\n| 2023-11-02 | First version. | K. L. |\n",
    );
    assert_eq!(level_titles(&log), ["Junior", "Senior"]);
}

#[test]
fn a_module_s_ladder_holds_the_literals_it_names_and_a_bare_list_of_levels_is_its_levels() {
    let module = import_file_text(
        "ladder.ts",
        "export const AREAS = { tech: \"Technik\", team: \"Team\" } as const;\n\
         const levels: Level[] = [\n\
           { title: \"Entwickler:in I\", summary: \"Setzt Aufgaben um.\",\n\
             areas: { [AREAS.tech]: [\"Baut Komponenten.\", \"Schreibt Tests.\"], [AREAS.team]: [\"Meldet Blocker.\"] } },\n\
           { title: \"Entwickler:in II\", summary: \"Liefert Features.\",\n\
             areas: { [AREAS.tech]: [\"Optimiert Ladezeiten.\"], [AREAS.team]: [\"Gibt Feedback.\", \"Hilft neuen Kolleg:innen.\"] } },\n\
         ];\n\
         const ladder = { title: \"Karrierestufen Frontend\", intro: \"Jede Stufe umfasst die vorherigen.\", levels } satisfies Ladder;\n\
         export default ladder;\n",
    );
    assert_eq!(module.title, "Karrierestufen Frontend");
    assert_eq!(
        titles_and_counts(&module),
        [(
            vec!["Entwickler:in I".to_owned(), "Entwickler:in II".to_owned()],
            vec![3, 3]
        )]
    );
    let bare = import_file_text(
        "levels.json",
        "[{\"title\":\"Engineer I\",\"summary\":\"Does tasks.\",\"areas\":{\"Tech\":[\"Writes code.\",\"Writes tests.\"],\"Team\":[\"Asks for help.\"]}},\n\
          {\"title\":\"Engineer II\",\"summary\":\"Owns features.\",\"areas\":{\"Tech\":[\"Designs features.\"],\"Team\":[\"Reviews code.\"]}}]",
    );
    assert_eq!(
        texts_by_area(&bare, 0, 0),
        [
            (
                "Tech".to_owned(),
                vec!["Writes code.".to_owned(), "Writes tests.".to_owned()]
            ),
            ("Team".to_owned(), vec!["Asks for help.".to_owned()])
        ]
    );
}

#[test]
fn a_data_file_s_short_sentences_in_scripts_without_spaces_are_kept() {
    let ladder = import_file_text(
        "roles.yaml",
        "title: 役割\nroles:\n  - name: コントリビューター\n    responsibilities:\n      - 行動規範を守る。\n      - テストを書く。\n\
         \x20 - name: メンテナー\n    responsibilities:\n      - リリースを管理する。\n      - レビューする。\n\
         promotion:\n  steps:\n    - 推薦者が Issue を作成します。\n    - 反対がなければ、役割が付与されます。\n",
    );
    let yaml = serde_yaml::to_string(&ladder).unwrap();
    assert!(
        yaml.contains("反対がなければ、役割が付与されます。"),
        "{yaml}"
    );
}

#[test]
fn title_and_summary_labels_in_other_languages_task_boxes_and_spread_lists() {
    // "Stanowisko" (Polish: post) names the titles' column; "Özet" (Turkish: summary) a row
    // that describes each level.
    let polish = import(
        "qa.md",
        "# Ścieżka QA\n\n| Poziom | Stanowisko | Testowanie | Współpraca |\n|---|---|---|---|\n\
         | QA1 | Młodszy tester | Wykonuje scenariusze | Zgłasza blokery |\n\
         | QA2 | Tester | Projektuje przypadki | Uczestniczy w refinemencie |\n",
    );
    assert_eq!(level_titles(&polish), ["Młodszy tester", "Tester"]);
    let turkish = import_file_text(
        "kariyer.csv",
        "Seviye;SE1;SE2\nUnvan;Software Engineer I;Software Engineer II\n\
         Özet;Delivers tasks.;Delivers features.\nTeknik;Writes code.;Designs modules.\n\
         Teslimat;Ships weekly.;Plans releases.\n",
    );
    assert_eq!(
        titles_and_counts(&turkish),
        [(
            vec![
                "Software Engineer I".to_owned(),
                "Software Engineer II".to_owned()
            ],
            vec![2, 2]
        )]
    );
    // A task list's boxes are how the page draws its items.
    let tasks = import(
        "roles.md",
        "# Roles\n\n## Reviewer\n\n- [ ] Reviews pull requests.\n- [x] Triages issues.\n\n\
         ## Maintainer\n\n- [ ] Cuts releases.\n- [ ] Mentors reviewers.\n",
    );
    assert_eq!(
        texts_by_area(&tasks, 0, 0)[0].1,
        ["Reviews pull requests.", "Triages issues."]
    );
    // A list spread into another (`[...shared, "…"]`) is its items.
    let spread = import_file_text(
        "frontend.ts",
        "const shared = [\"Shares progress.\", \"Asks early.\"] as const;\n\
         export default { name: \"Frontend\", levels: [\n\
           { title: \"Engineer I\", areas: { Technical: [\"Builds UI.\"], Communication: [...shared] } },\n\
           { title: \"Engineer II\", areas: { Technical: [\"Designs state.\"], Communication: [...shared, \"Negotiates scope.\"] } },\n\
         ] };\n",
    );
    assert_eq!(titles_and_counts(&spread)[0].1, [3, 4]);
}

#[test]
fn an_html_list_inside_a_markdown_table_cell_is_an_item_a_line() {
    let ladder = import(
        "qa.md",
        "# QA ladder\n\n| Level | Testing | Automation |\n|---|---|---|\n\
         | QA1 | <ul><li>Runs test scenarios</li><li>Files bugs</li></ul> | <ul><li>Runs automated tests</li></ul> |\n\
         | QA2 | <ul><li>Designs test cases</li></ul> | <ol><li>Writes end-to-end tests</li><li>Fixes flaky tests</li></ol> |\n",
    );
    assert_eq!(titles_and_counts(&ladder)[0].1, [3, 3]);
    assert_eq!(
        texts_by_area(&ladder, 0, 1)[1].1,
        ["Writes end-to-end tests", "Fixes flaky tests"]
    );
}

#[test]
fn a_prose_role_titled_in_another_language_is_a_role() {
    // A committee at the top in Italian, a participant at the foot in Chinese: words the role
    // vocabulary knows, so each prose section is a rung (it was prose: a level lost).
    let italian = "# Ruoli\n\n## Contributor\n\n- Contributi:\n  - Apre pull request mirate.\n  - Segue il codice di condotta.\n\n\
                   ## Maintainer\n\n- Responsabilità:\n  - Pubblica le release.\n  - Rivede le pull request.\n\n\
                   ## 🏛️ Comitato tecnico\n\nIl comitato è eletto ogni anno e risolve le dispute.\n";
    let titles = level_titles(&import("ruoli.md", italian));
    assert_eq!(
        titles.last().map(String::as_str),
        Some("🏛️ Comitato tecnico"),
        "{titles:?}"
    );
    let chinese =
        "# 贡献者阶梯\n\n## 角色\n\n### 社区参与者\n\n社区参与者通过提问、报告问题来参与社区。\n\n\
                   ### 贡献者\n\n* 职责包括：\n    * 遵守行为准则\n    * 遵守贡献指南\n\n\
                   ### 维护者\n\n* 职责包括：\n    * 发布版本\n    * 评审 PR\n";
    let titles = level_titles(&import("ladder.md", chinese));
    assert_eq!(titles, ["社区参与者", "贡献者", "维护者"]);
}

#[test]
fn confluence_expand_macros_and_mkdocs_content_tabs_title_what_they_fold() {
    // Confluence's expand macro: its control's text titles the levels; the areas inside are
    // headings under them (they were levels, each title falling into the item before).
    let expand = |title: &str, body: &str| {
        format!(
            "<div class=\"expand-container conf-macro output-block\" data-macro-name=\"expand\">\
             <div class=\"expand-control\"><span class=\"expand-icon aui-icon\">&nbsp;</span>\
             <span class=\"expand-control-text\">{title}</span></div>\
             <div class=\"expand-content expand-hidden\">{body}</div></div>"
        )
    };
    let page = format!(
        "<html><head><title>Data ladder - Confluence</title></head><body>\
         <div id=\"main-content\" class=\"wiki-content\"><h2>Levels</h2>{}{}</div></body></html>",
        expand(
            "D1 – Junior Data Engineer",
            "<h4>Craft</h4><ul><li>Writes dbt models.</li><li>Adds data tests.</li></ul>\
             <h4>Collaboration</h4><ul><li>Asks early.</li></ul>"
        ),
        expand(
            "D2 – Data Engineer",
            "<h4>Craft</h4><ul><li>Designs pipelines.</li></ul>\
             <h4>Collaboration</h4><ul><li>Agrees contracts.</li><li>Joins on-call.</li></ul>"
        ),
    );
    let ladder = import("ladder.html", &page);
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                String::from("D1 – Junior Data Engineer"),
                String::from("D2 – Data Engineer")
            ],
            vec![3, 3]
        )]
    );
    // MkDocs Material's content tabs: each block is titled by the label of its rank, and the
    // row of labels is not text of its own (it was one expectation "Contributor Reviewer …").
    let tabs = "<html><head><title>Roles</title></head><body><article class=\"md-content__inner md-typeset\">\
                <h1>Roles</h1><div class=\"tabbed-set tabbed-alternate\" data-tabs=\"1:2\">\
                <input checked id=\"__tabbed_1_1\" name=\"__tabbed_1\" type=\"radio\">\
                <input id=\"__tabbed_1_2\" name=\"__tabbed_1\" type=\"radio\">\
                <div class=\"tabbed-labels\"><label for=\"__tabbed_1_1\">Contributor</label><label for=\"__tabbed_1_2\">Maintainer</label></div>\
                <div class=\"tabbed-content\">\
                <div class=\"tabbed-block\"><p><strong>Responsibilities</strong></p><ul><li>Follows the code of conduct.</li><li>Opens pull requests.</li></ul></div>\
                <div class=\"tabbed-block\"><p><strong>Responsibilities</strong></p><ul><li>Cuts releases.</li></ul></div>\
                </div></div></article></body></html>";
    let ladder = import("roles.html", tabs);
    assert_eq!(level_titles(&ladder), ["Contributor", "Maintainer"]);
    assert_eq!(shape(&ladder)[0].2, [2, 1]);
}

#[test]
fn a_table_per_area_with_the_same_level_columns_is_one_matrix() {
    // A heading and a table per area, the same level columns each time, then a section of
    // steps: read as headings' levels, each area's heading was opened as a level (the third
    // table became a track of its own); it names a group of the levels' areas.
    let ladder = import("framework.md", "# Server engineering framework\n\n## 목차\n\n- [레벨 소개](#레벨-소개)\n- [기술](#기술)\n\n## 레벨 소개\n\nYears are a guide only.\n\n## Technical skills\n\n| Topic | L1 Junior | L2 Mid | L3 Senior |\n|---|---|---|---|\n| Code quality | Writes readable code | Splits modules for maintainability | Sets lint rules for the team |\n| Testing | Adds unit tests | Adds integration tests | Owns the test strategy |\n\n## Collaboration\n\n| Topic | L1 Junior | L2 Mid | L3 Senior |\n|---|---|---|---|\n| Code review | Applies review feedback quickly | Reviews peers within a day | Raises the bar with design reviews |\n\n## Impact\n\n| Topic | L1 Junior | L2 Mid | L3 Senior |\n|---|---|---|---|\n| Scope | A well-defined task | A feature | Several services |\n| Drive | Finishes tasks with help | Plans own work | Leads quarterly projects |\n\n## Promotion\n\n1. Write a self-review.\n2. Your lead gathers feedback.\n");
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                String::from("L1 Junior"),
                String::from("L2 Mid"),
                String::from("L3 Senior")
            ],
            vec![5, 5, 5]
        )]
    );
}

#[test]
fn questions_asked_in_bold_leads_make_a_section_of_answers_prose() {
    // "**¿Puedo cambiar de trayectoria?** Sí. …": the question is the paragraph's bold lead,
    // its answer after it (the section was a third level).
    let ladder = import("es.md", "# Trayectoria de Ingeniería de Plataforma\n\nEl equipo de Plataforma construye y opera la infraestructura compartida de Quetzal: Kubernetes, la tubería de CI/CD, la observabilidad y las herramientas internas. Esta página describe lo que esperamos de cada nivel.\n\n\n## Nivel 1 · Ingeniera/o de Plataforma I\n\nAprende nuestro stack y resuelve tareas bien definidas con acompañamiento.\n\n#### 🛠️ Oficio\n\n- Modifica módulos de Terraform existentes siguiendo las convenciones del equipo.\n- Escribe pipelines de CI sencillos para servicios nuevos.\n- Entiende cómo se despliega un servicio de principio a fin.\n\n\n#### 🤝 Colaboración\n\n- Pide ayuda en `#plataforma` cuando lleva más de medio día bloqueada/o.\n- Documenta lo que aprende en la wiki del equipo.\n\n#### 📈 Impacto\n\n- Completa los tickets asignados dentro del sprint.\n\n## Nivel 2 · Ingeniera/o de Plataforma II\n\nTrabaja de forma autónoma en proyectos de tamaño medio.\n\n#### 🛠️ Oficio\n\n- Diseña módulos de Terraform reutilizables con pruebas.\n- Opera clústeres de Kubernetes en producción y realiza actualizaciones menores.\n- Crea alertas útiles y evita las que solo generan ruido.\n\n\n#### 🤝 Colaboración\n\n- Participa en la guardia y coordina incidentes de severidad media.\n- Revisa los cambios de infraestructura de otros equipos.\n- Acompaña a las personas del Nivel 1 en sus primeras guardias.\n\n#### 📈 Impacto\n\n- Entrega proyectos de varias semanas que mejoran la experiencia de los equipos de producto.\n- Propone mejoras al proceso de despliegue basadas en datos.\n\n## Preguntas frecuentes\n\n**¿Puedo cambiar de trayectoria?** Sí. Habla con tu manager; muchas personas han pasado de Backend a Plataforma.\n\n**¿Cada cuánto se revisa esta página?** Una vez al año, normalmente en febrero.\n\n");
    assert_eq!(
        level_titles(&ladder),
        [
            "Nivel 1 · Ingeniera/o de Plataforma I",
            "Nivel 2 · Ingeniera/o de Plataforma II"
        ]
    );
    assert!(ladder
        .sections
        .iter()
        .any(|section| section.title == "Preguntas frecuentes"
            && section.body.contains("normalmente en febrero")));
}

#[test]
fn area_headings_that_repeat_their_level_s_title_name_one_area_and_a_grade_describes() {
    // GitLab's job families: "#### Senior Site Reliability Engineer Responsibilities" under
    // "### Senior Site Reliability Engineer" (areas per level, and a four-word title kept
    // them apart), and a "Job Grade" heading whose paragraph was counted as an expectation.
    let ladder = import(
        "sre.md",
        "# SRE\n\n## Levels\n\n### Site Reliability Engineer\n\n\
         #### Site Reliability Engineer Job Grade\n\nThe Site Reliability Engineer is a grade 6.\n\n\
         #### Site Reliability Engineer Responsibilities\n\n- Joins the on-call rotation.\n- Improves runbooks.\n\n\
         #### Site Reliability Engineer Requirements\n\n- Linux experience.\n\n\
         ### Senior Site Reliability Engineer\n\n\
         #### Senior Site Reliability Engineer Job Grade\n\nThe Senior Site Reliability Engineer is a grade 7.\n\n\
         #### Senior Site Reliability Engineer Responsibilities\n\n- Leads incident response.\n- Owns capacity planning.\n\n\
         #### Senior Site Reliability Engineer Requirements\n\n- Five years of experience.\n",
    );
    let names: Vec<&str> = ladder.areas.iter().map(|area| area.name.as_str()).collect();
    assert_eq!(names, ["Responsibilities", "Requirements"]);
    assert_eq!(shape(&ladder)[0].2, [3, 3]);
    let senior = &ladder.tracks[0].levels[1];
    assert!(senior
        .description
        .as_deref()
        .is_some_and(|text| text.contains("is a grade 7.")));
    // The possessive between the title and the area goes with the title.
    let ladder = import(
        "zh.md",
        "# 社区\n\n## Reviewer\n\n### Reviewer 的义务\n\n- 评审 PR\n- 回复问题\n\n\
         ## Committer\n\n### Committer 的义务\n\n- 合并 PR\n- 发布版本\n",
    );
    let names: Vec<&str> = ladder.areas.iter().map(|area| area.name.as_str()).collect();
    assert_eq!(names, ["义务"]);
}

#[test]
fn a_rows_table_s_title_column_is_found_by_its_header_in_more_languages() {
    // "Ruolo" (Italian), "תפקיד" (Hebrew), "المسمى الوظيفي" (Arabic) head the titles' column
    // after a code column: the code was the title and the titles an area.
    for (header, titles) in [
        ("Ruolo", ["Designer Junior", "Designer Senior"]),
        ("תפקיד", ["מפתח זוטר", "מפתח בכיר"]),
        ("المسمى الوظيفي", ["مصمم مبتدئ", "مصمم أول"]),
    ] {
        let text = format!(
            "# Ladder\n\n| Livello | {header} | Craft | Impact |\n|---|---|---|---|\n\
             | D1 | {} | Follows the design system. | Ships small features. |\n\
             | D2 | {} | Extends the design system. | Leads a product area. |\n",
            titles[0], titles[1]
        );
        let ladder = import("ladder.md", &text);
        assert_eq!(level_titles(&ladder), titles, "{header}");
        assert_eq!(shape(&ladder)[0].2, [2, 2], "{header}");
    }
}

#[test]
fn a_second_heading_the_words_do_not_know_is_a_peer_when_both_list_their_own() {
    // "Kontributor" then "Komiter" (Indonesian), each over its own list: the page was read as
    // about one level, and Komiter's heading vanished into Kontributor's list.
    let ladder = import(
        "peran.md",
        "# Peran Komunitas\n\n## Kontributor\n\n- Mematuhi Kode Etik komunitas\n\
         - Menanggapi ulasan pada pull request\n\n## Komiter\n\n\
         - Meninjau dan menggabungkan pull request\n- Membantu memilah issue baru\n",
    );
    assert_eq!(level_titles(&ladder), ["Kontributor", "Komiter"]);
    // A page about one level (its first heading's section lists nothing of its own): the
    // other headings name its areas, not nothing.
    let ladder = import(
        "ic3.md",
        "# Ladder\n\n## IC3 Software Engineer\n\nOwns features end to end.\n\n\
         ## Core Responsibilities\n\n- Ships features.\n- Reviews code.\n",
    );
    assert_eq!(level_titles(&ladder), ["IC3 Software Engineer"]);
    let names: Vec<&str> = ladder.areas.iter().map(|area| area.name.as_str()).collect();
    assert_eq!(names, ["Responsibilities"], "{ladder:?}");
}

#[test]
fn a_first_heading_labelled_as_the_levels_are_is_a_level_the_words_do_not_know() {
    // "Juniordesigner" (Swedish, one word) over "- **Hantverk**" and "- **Samarbete**" parent
    // bullets, as "Designer" and "Senior designer" write theirs: it was kept as prose.
    let ladder = import(
        "sv.md",
        "# Karriärstege för design\n\n## Juniordesigner\n\n- **Hantverk**\n  - Skapar skisser i Figma\n\
         \x20 - Följer vårt designsystem\n- **Samarbete**\n  - Tar emot feedback\n\n## Designer\n\n\
         - **Hantverk**\n  - Äger designen av en funktion\n- **Samarbete**\n  - Ger feedback\n\n\
         ## Senior designer\n\n- **Hantverk**\n  - Formar ett produktområde\n- **Samarbete**\n\
         \x20 - Coachar juniora designers\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Juniordesigner", "Designer", "Senior designer"]
    );
}

#[test]
fn greek_roles_are_roles() {
    // The whole page was one level titled by the document, its roles areas.
    let ladder = import(
        "el.md",
        "# Διακυβέρνηση του έργου Αλκυόνη\n## Ρόλοι\n### Συνεισφέρων\n- Τηρεί τον Κώδικα Δεοντολογίας\n\
         - Απαντά στα σχόλια\n### Αξιολογητής\n- Αξιολογεί pull requests\n- Ταξινομεί τα ζητήματα\n\
         ### Συντηρητής\n- Δημοσιεύει νέες εκδόσεις\n## Λήψη αποφάσεων\n1. Με συναίνεση.\n2. Αλλιώς ψηφίζουν.\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Συνεισφέρων", "Αξιολογητής", "Συντηρητής"]
    );
}

#[test]
fn a_text_pointing_at_another_level_by_its_title_in_any_language_is_no_expectation() {
    use super::refers_to_another_level;
    for pointer in [
        "Same as L3.",
        "Same as Senior Software Engineer.",
        "Wie bei Senior Software Engineer.",
        "Wie oben.",
        "Comme pour Senior.",
        "Как у Middle.",
        "Zoals bij Medior.",
        "同左",
    ] {
        assert!(refers_to_another_level(pointer), "{pointer}");
    }
    for said in [
        "Wie man Feedback gibt.",
        "Comme toute l'équipe, écrit des tests.",
        "Same as everyone else, writes tests for the code they change.",
        "Как устроен наш CI.",
    ] {
        assert!(!refers_to_another_level(said), "{said}");
    }
}

#[test]
fn a_matrix_of_marks_under_levels_reads_its_long_statements_as_the_labels() {
    // The statements are sentences, which made the first column a level of its own holding
    // them all, each `✓` then an expectation titled by the heading.
    let ladder = import(
        "m.md",
        "# M\n\n## Matrix\n\n| Skill | Junior | Middle | Senior |\n|---|:---:|:---:|:---:|\n\
         | Builds adaptive pages from the Figma layouts provided by design | ✓ | ✓ | ✓ |\n\
         | Uses semantic markup and ARIA attributes throughout the code | | ✓ | ✓ |\n\
         | Audits accessibility and fixes the problems that were found | | | ✓ |\n",
    );
    assert_eq!(level_titles(&ladder), ["Junior", "Middle", "Senior"]);
    assert_eq!(shape(&ladder)[0].2, [1, 2, 3]);
    let senior = &ladder.tracks[0].levels[2];
    assert!(senior
        .expectations
        .values()
        .flatten()
        .any(|item| item.text.starts_with("Audits accessibility")));
}

#[test]
fn an_area_named_by_two_joined_by_and_in_any_language_keeps_both() {
    // "Verantwoordelijkheden en privileges" was shown as "Privileges": the Dutch "en" was not
    // known to join two names.
    let ladder = import(
        "nl.md",
        "# Rollen\n\n## Lid\n\n### Vereisten\n\n- Twee-factor-authenticatie\n- Twee sponsors\n\n\
         ### Verantwoordelijkheden en privileges\n\n- Reageert op issues\n\n## Reviewer\n\n\
         ### Vereisten\n\n- Drie maanden lid\n\n### Verantwoordelijkheden en privileges\n\n\
         - Reviewt PR's\n",
    );
    let names: Vec<&str> = ladder.areas.iter().map(|area| area.name.as_str()).collect();
    assert_eq!(names, ["Vereisten", "Verantwoordelijkheden en privileges"]);
}

#[test]
fn a_section_on_leaving_a_role_is_process_in_any_language() {
    // "Inactive committers" right after "Committer" was read as the way to reach it, an area
    // holding the page's footer; "비활성 멤버" (inactive members) was a level of its own.
    let english = "# Project roles\n\n## Contributor\n\n- Follows the code of conduct\n\
                   - Responds to review comments\n\n## Committer\n\n- Reviews and merges pull requests\n\
                   - Triages new issues\n\n## Inactive committers\n\nEmail the PMC to become inactive.\n";
    let ladder = import("roles.md", english);
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![String::from("Contributor"), String::from("Committer")],
            vec![2, 2]
        )]
    );
    assert!(ladder
        .sections
        .iter()
        .any(|section| section.title == "Inactive committers"));
    let korean =
        "# 프로젝트 역할\n\n## 기여자\n\n- 행동 강령을 지킨다\n- 리뷰에 답한다\n\n## 커미터\n\n\
                  - PR을 리뷰하고 병합한다\n- 이슈를 분류한다\n\n## 비활성 멤버\n\n\
                  6개월 동안 활동이 없으면 비활성 멤버가 됩니다.\n";
    let ladder = import("roles-ko.md", korean);
    assert_eq!(level_titles(&ladder), ["기여자", "커미터"]);
}

#[test]
fn headings_over_the_same_bold_labels_are_levels_whatever_their_words() {
    // Roles the word lists do not know (gender-colon German titles), each over the same bold
    // labels: read as one level under the page's title, the second and third were lost.
    let ladder = import(
        "rollen.md",
        "# Rollen im Übersetzungsteam\n\nFreiwillige übersetzen die Oberfläche.\n\n## Übersetzer:in\n\n\
         Übersetzer:innen schlagen Übersetzungen vor.\n\n**Voraussetzungen**\n\n- ein Konto bei Weblate\n- gute Englischkenntnisse\n\n\
         **Aufgaben**\n\n- Zeichenketten sinngemäß übersetzen\n\n## Korrektor:in\n\n**Voraussetzungen**\n\n- 500 übersetzte Zeichenketten\n\n\
         **Aufgaben**\n\n- Vorschläge wöchentlich prüfen\n- Rückmeldungen freundlich geben\n\n## Sprachkoordinator:in\n\n\
         **Voraussetzungen**\n\n- ein Jahr als Korrektor:in\n\n**Aufgaben**\n\n- das Glossar pflegen\n\n## Pause und Rückzug\n\n\
         Wer eine Pause braucht, sagt kurz Bescheid.\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                String::from("Übersetzer:in"),
                String::from("Korrektor:in"),
                String::from("Sprachkoordinator:in")
            ],
            vec![3, 3, 2]
        )]
    );
}

#[test]
fn a_committee_in_russian_is_a_rung_and_new_contributors_in_korean_are_not() {
    let ladder = import(
        "ru.md",
        "# Управление\n\n## Роли\n\n### Контрибьютор\n\n- соблюдать кодекс;\n- подписывать коммиты.\n\n### Коммиттер\n\n\
         - проверять pull request;\n- отвечать на issue.\n\n### Технический руководящий комитет (ТРК)\n\nТРК отвечает за:\n\n\
         - техническое направление;\n- выпуск релизов.\n\n## Процесс номинации\n\nЛюбой коммиттер может предложить кандидата.\n",
    );
    let (titles, counts) = &titles_and_counts(&ladder)[0];
    assert_eq!(
        titles,
        &[
            "Контрибьютор",
            "Коммиттер",
            "Технический руководящий комитет (ТРК)"
        ]
    );
    assert_eq!(counts, &[2, 2, 2]);
    let ladder = import(
        "ko.md",
        "# 커뮤니티 멤버십\n\n## 신규 기여자\n\n처음 기여하는 분은 기존 멤버의 환영을 받아야 합니다.\n\n## 멤버\n\n### 요건\n\n\
         - 두 명의 리뷰어 후원\n- 2FA 활성화\n\n## 리뷰어\n\n### 요건\n\n- 리뷰 경험\n\n## 승인자\n\n### 요건\n\n- 숙련된 리뷰어\n",
    );
    let (titles, _) = &titles_and_counts(&ladder)[0];
    assert_eq!(titles, &["멤버", "리뷰어", "승인자"]);
}

#[test]
fn a_table_of_marks_under_the_levels_read_is_their_summary_kept_as_prose() {
    let ladder = import(
        "roles.md",
        "# 社群角色\n\n## 貢獻者\n\n### 貢獻者的職責\n\n* 遵守行為準則\n* 回應審查意見\n\n## 審查者\n\n### 審查者的職責\n\n\
         * 在 3 個工作天內回應審查請求\n\n## 維護者\n\n### 維護者的職責\n\n* 決定專案路線圖\n* 處理安全性問題回報\n\n## 權限一覽\n\n\
         | 權限 | 貢獻者 | 審查者 | 維護者 |\n|------|:----:|:----:|:----:|\n| 建立 Issue | ✓ | ✓ | ✓ |\n| 核准 Pull Request | | ✓ | ✓ |\n\
         | 發布新版本 | | | ✓ |\n",
    );
    assert_eq!(
        titles_and_counts(&ladder),
        [(
            vec![
                String::from("貢獻者"),
                String::from("審查者"),
                String::from("維護者")
            ],
            vec![2, 1, 2]
        )]
    );
    let prose: String = ladder
        .sections
        .iter()
        .map(|section| section.body.clone())
        .collect();
    assert!(prose.contains("核准 Pull Request"), "{prose}");
}

#[test]
fn a_body_whose_section_says_it_is_no_role_is_prose_but_a_rung_saying_so_stays() {
    // A Chinese membership page: "兴趣小组" (interest groups) after the roles, a table of the
    // groups and "兴趣小组不是社区角色" (interest groups are no community role).
    let ladder = import(
        "membership.md",
        "# 社区成员\n\n## 贡献者\n\n- 要求：\n  - 合入一个 PR\n\n## 提交者\n\n- 要求：\n  - 评审十个 PR\n\n\
         ## 维护者\n\n- 要求：\n  - 维护者投票\n\n## 兴趣小组\n\n| 小组 | 负责范围 |\n| --- | --- |\n\
         | SIG-AI | 弹性训练 |\n\n兴趣小组不是社区角色，任何人都可以参加。\n",
    );
    assert_eq!(level_titles(&ladder), ["贡献者", "提交者", "维护者"]);
    assert!(ladder
        .sections
        .iter()
        .any(|section| section.title == "兴趣小组"));
    // A rung that says it is not a role "given to individuals" is still a rung.
    let ladder = import(
        "roles.md",
        "# Roles\n\n## Contributor\n\nThis is not a role that is given, but one you step into.\n\n- Opens pull requests\n\n\
         ## Reviewer\n\n- Reviews pull requests\n\n## Maintainer\n\n- Merges pull requests\n",
    );
    assert_eq!(
        level_titles(&ladder),
        ["Contributor", "Reviewer", "Maintainer"]
    );
}

#[test]
fn behaviours_named_in_another_language_are_a_competency_s_criteria() {
    // A Spanish site module: `competencias: [{area, conductas: [...]}]`, one entry an object
    // with its text and an example.
    let module = "const niveles = [\n  { titulo: 'Ingeniera I', competencias: [\n    { area: 'Aplicaciones', \
                  conductas: ['Revisa dependencias vulnerables.', { texto: 'Automatiza análisis estáticos.', \
                  ejemplo: 'Reglas de Semgrep.' }] },\n    { area: 'Cultura', conductas: ['Comparte lo \
                  aprendido.'] },\n  ] },\n  { titulo: 'Ingeniera II', competencias: [\n    { area: \
                  'Aplicaciones', conductas: ['Define el modelo de amenazas.'] },\n  ] },\n];\nmodule.exports = \
                  { niveles };\n";
    let ladder = import_file_text("seguridad.js", module);
    assert_eq!(level_titles(&ladder), ["Ingeniera I", "Ingeniera II"]);
    assert_eq!(
        texts_by_area(&ladder, 0, 0),
        [
            (
                String::from("Aplicaciones"),
                vec![
                    String::from("Revisa dependencias vulnerables."),
                    String::from("Automatiza análisis estáticos.")
                ]
            ),
            (
                String::from("Cultura"),
                vec![String::from("Comparte lo aprendido.")]
            )
        ]
    );
}

#[test]
fn a_row_of_team_handles_under_the_roles_describes_them() {
    // Roles as columns of a raw HTML table; the last row gives each role's GitHub team.
    let ladder = import(
        "roles.md",
        "# Roles\n\n<table>\n<tr><th></th><th>Contributor</th><th>Reviewer</th><th>Maintainer</th></tr>\n\
         <tr><th>Requirements</th><td>Signs the CLA</td><td>Reviews ten pull requests</td><td>Elected by the maintainers</td></tr>\n\
         <tr><th>GitHub team</th><td>—</td><td><code>@acme/reviewers</code></td><td><code>@acme/maintainers</code></td></tr>\n\
         </table>\n",
    );
    assert_eq!(shape(&ladder)[0].2, [1, 1, 1]);
    let description = ladder.tracks[0].levels[1]
        .description
        .as_deref()
        .unwrap_or_default();
    assert!(description.contains("@acme/reviewers"), "{description}");
}

#[test]
fn a_word_header_of_two_rows_names_the_areas_under_their_group() {
    // Saved from Word: code and title columns merged down, "期待される行動" merged across the
    // areas named on the second row; every cell a paragraph.
    let html = "<html><body><h1>等級</h1><table>\n\
        <tr><td rowspan=2><p><b>等級</b></p></td><td rowspan=2><p><b>呼称</b></p></td><td colspan=2><p><b>期待される行動</b></p></td><td rowspan=2><p><b>経験の目安</b></p></td></tr>\n\
        <tr><td><p>課題発見</p></td><td><p>意思決定</p></td></tr>\n\
        <tr><td><p>PM1</p></td><td><p class=MsoNormal>アソシエイトプロダクトマネージャー<o:p></o:p></p></td><td><p>・ユーザーインタビューに同席する。</p></td><td><p>・優先順位に沿って整理する。</p></td><td><p>0〜2年</p></td></tr>\n\
        <tr><td><p>PM2</p></td><td><p>プロダクトマネージャー</p></td><td><p>・仮説を立てて検証する。</p></td><td><p>・優先順位を自ら決める。</p></td><td><p>2〜5年</p></td></tr>\n\
        <tr><td><p>PM3</p></td><td><p>シニアプロダクトマネージャー</p></td><td><p>・検証を主導する。</p></td><td><p>・ロードマップを決める。</p></td><td><p>5年〜</p></td></tr>\n\
        </table></body></html>";
    let ladder = import("grades.html", html);
    assert_eq!(
        level_titles(&ladder),
        [
            "アソシエイトプロダクトマネージャー",
            "プロダクトマネージャー",
            "シニアプロダクトマネージャー"
        ]
    );
    let areas: Vec<&str> = ladder.areas.iter().map(|area| area.name.as_str()).collect();
    assert_eq!(areas, ["課題発見", "意思決定"]);
}

#[test]
fn years_bounded_in_words_are_the_level_s_experience() {
    // A Korean sheet's "경력(참고)" column ("5년 이상": five years or more) and an English
    // row "Typical experience" with "6+ years, 1+ leading".
    let csv = "레벨,직함,운영,경력(참고)\nS1,주니어 SRE,• 런북을 따라 점검한다.,0~2년\nS2,SRE,• 장애를 분석한다.,2~5년\n\
               S3,시니어 SRE,• 운영 표준을 정한다.,5년 이상\n";
    let ladder = import_file_text("sre.csv", csv);
    let experience: Vec<Option<&str>> = ladder.tracks[0]
        .levels
        .iter()
        .map(|level| level.experience.as_ref().map(|years| years.text.as_str()))
        .collect();
    assert_eq!(experience, [Some("0~2년"), Some("2~5년"), Some("5년 이상")]);
    let csv = "Level,QM1,QM2\nTitle,Quality Engineering Manager,Senior Quality Engineering Manager\n\
               Typical experience,\"6+ years, 1+ leading\",9+ years\nPeople,Holds regular 1:1s,Manages managers\n";
    let ladder = import_file_text("managers.csv", csv);
    assert_eq!(shape(&ladder)[0].2, [1, 1]);
    assert_eq!(
        ladder.tracks[0].levels[0]
            .experience
            .as_ref()
            .map(|years| years.text.as_str()),
        Some("6+ years, 1+ leading")
    );
}

#[test]
fn emeritus_maintainers_in_hebrew_and_retired_ones_in_chinese_are_no_rung() {
    let ladder = import(
        "ladder.md",
        "# סולם התורמים\n\n## תורם/ת\n\n- דרישות:\n  - חתימה על הסכם התורמים\n\n## סוקר/ת קוד\n\n- דרישות:\n  - עשר סקירות\n\n\
         ## מתחזק/ת\n\n- דרישות:\n  - בחירה על ידי המתחזקים\n\n## מתחזקים בדימוס\n\nמתחזקים שפרשו נשארים ברשימה.\n",
    );
    assert_eq!(level_titles(&ladder), ["תורם/ת", "סוקר/ת קוד", "מתחזק/ת"]);
    // "退休與榮譽維護者": retired and honorary maintainers.
    let ladder = import(
        "roles.md",
        "# 社群角色

## 貢獻者

### 職責

- 提交 PR

## 審查者

### 職責

- 審查 PR

## 維護者

### 職責

- 發布版本

         ## 退休與榮譽維護者

維護者若連續 12 個月沒有任何活動，將被移至榮譽維護者名單。
",
    );
    assert_eq!(level_titles(&ladder), ["貢獻者", "審查者", "維護者"]);
}

#[test]
fn a_nomination_procedure_s_steps_are_no_levels() {
    // Apache Sedona's committer page: two rungs in paragraphs, then "提名 Committer 或 PMC 成员"
    // (nominating) over its long steps and templates.
    let template = "模板内容。".repeat(60);
    let ladder = import(
        "contributor.zh.md",
        &format!(
            "本页列出了 Committers 与 PMC。\n\n## Committers\n\n贡献了足够多代码的贡献者会被晋升为 committer。\n\n\
             ## 项目管理委员会（PMC）\n\n能够负责一个主要组件的 committer 会被晋升为 PMC 成员。\n\n\
             ## 提名 Committer 或 PMC 成员\n\n任何 PMC 成员都可以提名。\n\n### 发起投票\n\n{template}\n\n\
             ### 关闭投票\n\n{template}\n\n### 通知 ASF Board\n\n{template}\n\n### 发送邀请\n\n{template}\n\n\
             ### 创建 ASF 账户\n\n{template}\n"
        ),
    );
    assert_eq!(
        level_titles(&ladder),
        ["Committers", "项目管理委员会（PMC）"]
    );
}

#[test]
fn a_word_table_with_group_and_area_columns_a_title_row_and_repeated_headers() {
    // Saved from Word (every cell a paragraph): `维度 | 能力项 | 职级 T4 …`, a "职级名称" row
    // merged over both label columns, the header repeated before the second group, and a
    // cell saying "same as T5" ("同T5。").
    let p = |text: &str| format!("<td><p class=MsoNormal>{text}<o:p></o:p></p></td>");
    let header = format!(
        "<tr>{}{}{}{}</tr>",
        p("维度"),
        p("能力项"),
        p("职级 T4"),
        p("职级 T5")
    );
    let titles = "<tr><td colspan=2><p class=MsoNormal>职级名称</p></td><td><p>数据分析师</p></td><td><p>高级数据分析师</p></td></tr>";
    let html = format!(
        "<html><body><h1>职级能力要求</h1><table>{header}{titles}\
         <tr><td rowspan=2><p>专业能力</p></td>{}{}{}</tr><tr>{}{}{}</tr>{header}{titles}\
         <tr><td><p>通用能力</p></td>{}{}{}</tr></table></body></html>",
        p("数据处理"),
        p("能够使用 SQL 完成取数。"),
        p("能够编写复杂 SQL。"),
        p("分析建模"),
        p("在指导下完成专题分析。"),
        p("同T4。"),
        p("沟通协作"),
        p("按时反馈工作进展。"),
        p("推动项目落地。"),
    );
    let ladder = import("grades.htm", &html);
    assert_eq!(level_titles(&ladder), ["数据分析师", "高级数据分析师"]);
    let areas: Vec<&str> = ladder.areas.iter().map(|area| area.name.as_str()).collect();
    assert_eq!(areas, ["数据处理", "分析建模", "沟通协作"]);
    assert_eq!(shape(&ladder)[0].2, [3, 2]);
}

#[test]
fn a_table_of_areas_and_a_decisions_section_between_the_roles_and_the_emeritus_are_prose() {
    // A Japanese governance page in raw HTML: "担当領域" (areas of ownership) over a table
    // naming no level, "意思決定" (decision making), then "名誉メンテナー" (emeritus).
    let ladder = import(
        "GOVERNANCE.md",
        "<h1>kakehashi</h1>\n\n<h2>コントリビューター</h2>\n\n<ul><li>PR を送る</li></ul>\n\n\
         <h2>レビュアー</h2>\n\n<h3>要件</h3>\n\n<ul><li>10 件のレビュー</li></ul>\n\n\
         <h2>コミッター</h2>\n\n<h3>要件</h3>\n\n<ul><li>投票で選ばれる</li></ul>\n\n\
         <h2>担当領域</h2>\n\n<p>コミッターは次の領域を担当します。</p>\n\n<table>\n<thead><tr><th>領域</th><th>ディレクトリ</th><th>内容</th></tr></thead>\n\
         <tbody><tr><td>コア</td><td><code>packages/core</code></td><td>パーサー</td></tr>\n\
         <tr><td>CLI</td><td><code>packages/cli</code></td><td>コマンド</td></tr></tbody>\n</table>\n\n\
         <h2>意思決定</h2>\n\n<p>運営委員会は次のことを担当します。</p>\n\n<ol><li>最終決定</li><li>行動規範違反への対応</li></ol>\n\n\
         <h2>名誉メンテナー</h2>\n\n<p>1 年以上活動していないメンテナーは名誉メンテナーとなります。</p>\n",
    );
    assert_eq!(
        shape(&ladder),
        [(
            String::from("kakehashi"),
            vec![
                String::from("コントリビューター"),
                String::from("レビュアー"),
                String::from("コミッター")
            ],
            vec![1, 1, 1]
        )]
    );
    let sections: Vec<&str> = ladder.sections.iter().map(|s| s.title.as_str()).collect();
    assert!(
        sections.contains(&"担当領域") && sections.contains(&"意思決定"),
        "{sections:?}"
    );
}

#[test]
fn years_of_work_are_experience_and_not_required_is_nothing() {
    // A Chinese sheet: "参考工作年限" (reference years of work) and "不要求" (not required).
    let csv = "维度,能力项,P5,P6,P7\n职级名称,,初级 SRE 工程师,SRE 工程师,高级 SRE 工程师\n\
               参考工作年限,,0–2 年,2–4 年,4–7 年\n技术能力,可观测性,能够使用监控大盘定位问题。,能够设计监控与告警。,\
               能够制定 SLO。\n,故障处理,参与 on-call。,独立处理故障。,担任故障指挥者。\n,容量与性能,不要求,\
               能够完成容量评估。,负责容量规划。\n影响力,协作沟通,及时描述问题。,与研发团队合作。,跨部门推动项目。\n";
    let ladder = import_file_text("sre.csv", csv);
    assert_eq!(
        level_titles(&ladder),
        ["初级 SRE 工程师", "SRE 工程师", "高级 SRE 工程师"]
    );
    assert_eq!(shape(&ladder)[0].2, [3, 4, 4]);
    assert_eq!(
        ladder.tracks[0].levels[1]
            .experience
            .as_ref()
            .map(|years| years.text.as_str()),
        Some("2–4 年")
    );
}

#[test]
fn same_as_above_in_a_table_of_levels_as_rows_points_at_the_level_before() {
    // Levels as rows: "同上" (same as above) and "同P5" repeat another level's cell.
    let ladder = import(
        "grades.md",
        "# 职级\n\n| 职级 | 技术能力 | 影响范围 |\n| --- | --- | --- |\n| P5 工程师 | 能独立完成模块开发。 | 影响所在团队。 |\n\
         | P6 高级工程师 | 能解决复杂的技术问题。 | 同P5 |\n| P7 技术专家 | 同上 | 影响多个团队。 |\n",
    );
    assert_eq!(shape(&ladder)[0].2, [2, 1, 1]);
    let described = ladder.tracks[0].levels[2]
        .description
        .as_deref()
        .unwrap_or_default();
    assert!(described.contains("同上"), "{described}");
}

#[test]
fn a_title_row_across_an_overview_table_is_its_caption_not_a_level() {
    // Saved from Word: "Visão geral dos níveis" merged across `Trilha | Nível | Cargo`, then a
    // `<h1>` per track over an `<h2>` per level.
    let html = "<html><body><h1>Como ler</h1><p>Cada nível tem comportamentos.</p>\
        <table><tr><td colspan=3><p><b>Visão geral dos níveis</b></p></td></tr>\
        <tr><td><p><b>Trilha</b></p></td><td><p><b>Nível</b></p></td><td><p><b>Cargo</b></p></td></tr>\
        <tr><td><p>IC</p></td><td><p>PM1</p></td><td><p>Product Manager Associado</p></td></tr>\
        <tr><td><p>IC</p></td><td><p>PM2</p></td><td><p>Product Manager</p></td></tr>\
        <tr><td><p>Gestão</p></td><td><p>GP1</p></td><td><p>Group Product Manager</p></td></tr></table>\
        <h1>Trilha de contribuição individual</h1>\
        <h2>PM1 – Product Manager Associado</h2><p><b>Execução</b></p><ul><li>Escreve histórias claras.</li></ul>\
        <h2>PM2 – Product Manager</h2><p><b>Execução</b></p><ul><li>Define o roadmap do time.</li></ul>\
        <h1>Trilha de gestão</h1>\
        <h2>GP1 – Group Product Manager</h2><p><b>Pessoas</b></p><ul><li>Contrata e desenvolve PMs.</li></ul>\
        </body></html>";
    let ladder = import("carreira.htm", html);
    let tracks: Vec<(String, usize)> = ladder
        .tracks
        .iter()
        .map(|track| (track.name.clone(), track.levels.len()))
        .collect();
    assert_eq!(
        tracks,
        [
            (String::from("Trilha de contribuição individual"), 2),
            (String::from("Trilha de gestão"), 1)
        ]
    );
}

#[test]
fn a_positioning_column_describes_each_level() {
    // "定位" (the level's positioning in a sentence) beside the areas of a table of levels.
    let csv = "职级,职级名称,定位,技术能力,交付与质量\nP4,初级工程师,在指导下完成明确的任务,\"1. 熟悉 Linux 常用命令\n2. 能按文档部署服务\",\
               1. 按时完成工单\nP5,工程师,独立负责一个子系统,1. 能独立排查常见故障,1. 独立交付中等规模的项目\n\
               P6,高级工程师,负责一个方向的技术演进,1. 主导架构设计,1. 带领小组交付跨团队项目\n";
    let ladder = import_file_text("grades.csv", csv);
    assert_eq!(shape(&ladder)[0].2, [3, 2, 2]);
    let described = ladder.tracks[0].levels[0]
        .description
        .as_deref()
        .unwrap_or_default();
    assert!(described.contains("在指导下完成明确的任务"), "{described}");
}
