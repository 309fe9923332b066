//! How much a label looks like a level's title (`Senior Engineer`, `L3`, `IC2`, `Level 4`,
//! `Engineer II`) rather than an area's name: the one measure behind deciding which heading
//! depth or table axis holds the levels.

use super::plain;
use crate::import::outline::Item;

/// The names of a role's lists of expectations ("Requirements", "Privileges"), which a role's
/// name may precede ("Community member requirements"): areas, never levels.
pub(super) const LIST_NAMES: &[&str] = &[
    "requirements",
    "responsibilities",
    "privileges",
    "qualifications",
    "expectations",
    "duties",
    "rights",
];

/// Words that name a list of a role's or a level's expectations when a bullet holds only them
/// (`- Requirements` over nested bullets), in the languages ladders are written in.
/// (Besides [`LIST_NAMES`].)
pub(super) const AREA_LABEL_WORDS: &[&str] = &[
    "responsibilities and privileges",
    "requirements and responsibilities",
    "anforderungen",
    "aufgaben",
    "verantwortlichkeiten",
    "rechte",
    "requisitos",
    "responsabilidades",
    "privilégios",
    "privilegios",
    "exigences",
    "responsabilités",
    "要求",
    "职责",
    "责任",
    "特权",
    "权限",
    "権限",
    "責任",
    "要件",
    "权利",
    "權利",
    "义务",
    "職責",
    "权益",
    "권한",
    "책임",
];

/// Words that appear in level titles and seldom in area names, in the languages we ship.
const LEVEL_WORDS: &[&str] = &[
    "junior",
    "senior",
    "staff",
    "principal",
    "distinguished",
    "fellow",
    "lead",
    "associate",
    "intern",
    "entry",
    "mid",
    "level",
    "engineer",
    "developer",
    "manager",
    "director",
    "head",
    "vp",
    "architect",
    "apprentice",
    "graduate",
    "expert",
    "novice",
    "beginner",
    "intermediate",
    "advanced",
    // The rungs of proficiency scales ("Competent", "Proficient", "Exemplar").
    "foundational",
    "competent",
    "proficient",
    "accomplished",
    "exemplar",
    "master",
    "trainee",
    "sr",
    "sr.",
    "jr",
    "jr.",
    "grade",
    "band",
    "tier",
    "stage",
    "step",
    "scientist",
    "analyst",
    "designer",
    "chief",
    "specialist",
    "practitioner",
    "consultant",
    "officer",
    "coordinator",
    "partner",
    "executive",
    "president",
    "vice",
    "cto",
    "cio",
    "ceo",
    "svp",
    "evp",
    "stufe",
    "niveau",
    "nivel",
    "nível",
    // German, French, Spanish and Portuguese titles.
    "entwickler",
    "entwicklerin",
    "ingenieur",
    "ingenieurin",
    "leiter",
    "leiterin",
    "ingénieur",
    "développeur",
    "responsable",
    "ingeniero",
    "desarrollador",
    "engenheiro",
    "desenvolvedor",
    "gerente",
    // Directors and heads in German, French, Spanish and Portuguese (a ladder's last rung,
    // read as prose when no word knew it).
    "direktor",
    "direktorin",
    "directeur",
    "directrice",
    "directora",
    "diretor",
    "diretora",
    "gestor",
    "gestora",
    "coordenador",
    "coordinador",
    // Roles of open-source contributor ladders besides `ROLE_WORDS`.
    "mitwirkender",
    "mitwirkende",
    "betreuer",
    "betreuerin",
    "prüfer",
    // The middle rung of scales written Trainee, Junior, Middle, Senior.
    "middle",
    // Hebrew, Arabic, Russian, Polish, Dutch, Italian and Turkish titles and seniority.
    "מהנדס",
    "מהנדסת",
    "מפתח",
    "מפתחת",
    "מתכנת",
    "מתכנתת",
    "בכיר",
    "בכירה",
    "זוטר",
    "זוטרה",
    "ג'וניור",
    "סניור",
    "מנהל",
    "מנהלת",
    "مهندس",
    "مطور",
    "مبرمج",
    "مدير",
    "خبير",
    "مبتدئ",
    "младший",
    "старший",
    "ведущий",
    "инженер",
    "разработчик",
    "руководитель",
    "джуниор",
    "мидл",
    "сеньор",
    "тимлид",
    "młodszy",
    "starszy",
    "programista",
    "inżynier",
    "kierownik",
    "medior",
    "ontwikkelaar",
    "sviluppatore",
    "ingegnere",
    "kıdemli",
    // Greek engineers, developers, seniority and leads.
    "μηχανικός",
    "προγραμματιστής",
    "ανώτερος",
    "κατώτερος",
    "επικεφαλής",
    "uzman",
    "geliştirici",
    "mühendis",
    "yönetici",
    // Turkish titles inflected after their field ("Yazılım Mühendisi"), Turkish interns;
    // Ukrainian engineers and seniority; Indonesian engineers, developers and interns; the
    // first rung of Indian and Vietnamese ladders ("Fresher").
    "mühendisi",
    "geliştiricisi",
    "stajyer",
    "інженер",
    "розробник",
    "молодший",
    "старший",
    "провідний",
    "керівник",
    "insinyur",
    "pengembang",
    "magang",
    "fresher",
    // Interns and trainees in German, French, Spanish and Portuguese.
    "praktikant",
    "praktikantin",
    "werkstudent",
    "stagiaire",
    "alternant",
    "becario",
    "becaria",
    "pasante",
    "estagiário",
    "estagiária",
    "estagiario",
    // Portuguese, Spanish and French seniority.
    "júnior",
    "pleno",
    "sênior",
    "sénior",
    "especialista",
    "confirmé",
    "expérimenté",
];

/// The roles of open-source contributor ladders (level words too), whose sections are often
/// titled in the plural ("Maintainers", "Committers").
pub(super) const ROLE_WORDS: &[&str] = &[
    // The first rung of Kubernetes' roles and those modelled on them: "Anyone".
    "anyone",
    "everyone",
    "jeder",
    "cualquiera",
    "contributor",
    "sponsor",
    "mentor",
    "administrator",
    "admin",
    // "Release Managers": a role, written in the plural.
    "manager",
    // A foundation's governing roles, often written in the plural ("Officers of the
    // Foundation", "Board of Directors").
    "officer",
    "director",
    "member",
    "leader",
    "reviewer",
    "committer",
    "maintainer",
    "approver",
    "triager",
    "owner",
    "collaborator",
    "moderator",
    "steward",
    "ambassador",
    "advisor",
    "adviser",
    "participant",
    // Governing bodies and the agents of a project's work ("Steering council", "Mergers",
    // "Releasers", "APE editor", "Community engagement coordinator").
    "council",
    "merger",
    "releaser",
    "coordinator",
    "editor",
    "curator",
    "shepherd",
    "liaison",
    "facilitator",
    "organizer",
    "organiser",
    "chair",
    // "Component Team Leads", "SIG Leads": leads of a part of the project.
    "lead",
    // A project management committee's members are the top rung of Apache-style ladders.
    "pmc",
    // The first rung of ESLint- and Apache-style ladders, and the steering committee at the top.
    "user",
    "committee",
    // Spanish, Portuguese and French roles (plural in `-es` too: "Colaboradores/as").
    "contribuidor",
    "colaborador",
    "mantenedor",
    "revisor",
    "líder",
    "lider",
    "miembro",
    "membro",
    "contributeur",
    "mainteneur",
    "relecteur",
    "membre",
    "mitglied",
    // A project's steering committee or council in French, Spanish, Portuguese, German,
    // Italian, Dutch and Hebrew.
    "comité",
    "comitê",
    "komitee",
    "comitato",
    "consiglio",
    "comisión",
    "comissão",
    "consejo",
    "conselho",
    "conseil",
    "stuurgroep",
    "ועדה",
    "ועדת",
    // Participants, the first rung, in Italian, Spanish, Portuguese and French.
    "partecipante",
    "participante",
    // Users and contributors, the first rungs, in Spanish, Portuguese, French and German.
    "usuario",
    "usuário",
    "utilisateur",
    "utilisatrice",
    "benutzer",
    "nutzer",
    "anwender",
    "beitragende",
    "beitragender",
    // Italian, Dutch, Polish, Russian, Ukrainian, Turkish and Indonesian roles: users,
    // contributors, reviewers, maintainers, members and the boards over them.
    "utente",
    "contributore",
    "collaboratore",
    "revisore",
    "approvatore",
    "manutentore",
    "gebruiker",
    "bijdrager",
    "teamlid",
    "lid",
    "beheerder",
    "onderhouder",
    "bestuur",
    "commissie",
    "użytkownik",
    "współtwórca",
    "kontrybutor",
    "recenzent",
    "opiekun",
    "członek",
    "rada",
    "пользователь",
    "участник",
    "контрибьютор",
    "ревьюер",
    "коммиттер",
    "мейнтейнер",
    "член",
    "користувач",
    "учасник",
    "співпрацівник",
    "рецензент",
    "kullanıcı",
    "katkıcı",
    "bakımcı",
    "üye",
    "pengguna",
    "kontributor",
    "peninjau",
    "pengelola",
    "anggota",
    // Greek users, contributors, reviewers, maintainers, members and committees.
    "χρήστης",
    "χρήστες",
    "συνεισφέρων",
    "συνεισφέροντες",
    "αξιολογητής",
    "αξιολογητές",
    "συντηρητής",
    "συντηρητές",
    "μέλος",
    "μέλη",
    "επιτροπή",
    // A committee or council in Russian, Ukrainian, Polish, Czech, Turkish and Indonesian.
    "комитет",
    "совет",
    "комітет",
    "komitet",
    "výbor",
    "komite",
    "kurul",
];

/// Words that name a ladder's whole system of rungs in Japanese, Chinese and Korean (and
/// "career", "matrix" and "framework" beside them): a title with one names the system, not a
/// rung.
const SYSTEM_WORDS_UNSPACED: &[&str] = &[
    "一覧",
    "体系",
    "制度",
    "定義",
    "キャリア",
    "マトリクス",
    "一览",
    "矩阵",
    "标准",
    "목록",
    "체계",
    "커리어",
    "매트릭스",
    "career",
    "matrix",
    "framework",
];

/// "Engineer" and "developer" in Japanese and Korean, each with the ending that makes it the
/// work's name instead ("エンジニアリング", "엔지니어링": an area, "Engineering").
const ENGINEER_UNSPACED: &[(&str, &str)] = &[
    ("エンジニア", "リング"),
    ("엔지니어", "링"),
    ("개발자", "경험"),
    ("開発者", "体験"),
];

/// Whether a title names an engineer or developer in Japanese or Korean ("시니어 엔지니어",
/// "バックエンドエンジニア"), not the work ("엔지니어링 문화").
fn names_an_engineer_unspaced(title: &str) -> bool {
    ENGINEER_UNSPACED.iter().any(|(word, work)| {
        title
            .match_indices(word)
            .any(|(at, _)| !title[at + word.len()..].trim_start().starts_with(work))
    })
}

/// Words of level and role titles in scripts written without spaces (found inside a label).
const LEVEL_WORDS_UNSPACED: &[&str] = &[
    "レベル",
    "シニア",
    "ジュニア",
    "級",
    "等級",
    "主任",
    "リード",
    "マネージャー",
    "コントリビューター",
    "メンテナー",
    "貢献者",
    "承認者",
    "レビュアー",
    "コミッター",
    "メンテナ",
    "管理者",
    "贡献者",
    "维护者",
    "审核者",
    "审批者",
    "评审员",
    "评审者",
    "审阅者",
    "提交者",
    "成员",
    "管理员",
    "职级",
    "기여자",
    "메인테이너",
    "리뷰어",
    "커미터",
    "승인자",
    "레벨",
    // Participants, the first rung of CNCF-style ladders, in Chinese, Japanese and Korean.
    "参与者",
    "参加者",
    "참여자",
    "참가자",
    // Committees, the top rung of many role ladders.
    "委员会",
    "委員会",
    "위원회",
    // Japanese members, board directors and people in charge ("ワーキング・グループのメンバー",
    // "理事会および理事", "担当責任者").
    "メンバー",
    "理事",
    "責任者",
    "负责人",
    "회원",
    "멤버",
    // Japanese, Chinese and Korean seniority and titles (not "engineer": エンジニアリング,
    // 엔지니어링 name areas).
    "スタッフ",
    "プリンシパル",
    "ミドル",
    "初级",
    "中级",
    "高级",
    "资深",
    "专家",
    "工程师",
    "架构师",
    "经理",
    "主管",
    "주니어",
    "시니어",
    "미들",
    "매니저",
    "스태프",
    "프린시펄",
    "신입",
    // Korean, Japanese and Chinese leads and corporate ranks ("리드", "선임", "과장",
    // "課長", "总监").
    "리드",
    "팀장",
    "수석",
    "선임",
    "사원",
    "대리",
    "과장",
    "차장",
    "부장",
    "係長",
    "課長",
    "部長",
    "组长",
    "总监",
    // Traditional Chinese titles and roles (Taiwan, Hong Kong).
    "工程師",
    "資深",
    "初階",
    "中階",
    "高階",
    "經理",
    "架構師",
    "專家",
    "維護者",
    "審核者",
    "成員",
    "管理員",
    "負責人",
    "委員會",
];

/// The word a number is written onto (`level1` → `level`, `grade_3` → `grade`, `L2` → `L`):
/// the key without its trailing digits and the `_` or `-` before them; `None` without digits.
pub(crate) fn numbered_stem(key: &str) -> Option<&str> {
    let digits = key.chars().rev().take_while(char::is_ascii_digit).count();
    (digits > 0).then(|| key[..key.len() - digits].trim_end_matches(['_', '-']))
}

/// How a question that defines a role starts ("What is a maintainer?", "Who are the
/// committers?"), lowercased.
const DEFINING_QUESTIONS: &[&str] = &[
    "what is a ",
    "what is an ",
    "what is the ",
    "what are ",
    "who are the ",
    "who are ",
    "what does a ",
    "what does an ",
];

/// The role a question defines ("What is an architect?" → "architect"): the words after
/// `DEFINING_QUESTIONS`' start, up to the question mark, with a trailing "do" dropped.
/// `None` for any other title, and for a question with more to it than its role.
pub(super) fn defined_role(title: &str) -> Option<String> {
    let title = title.trim();
    let asked = title.strip_suffix(['?', '？'])?.trim_end();
    let lower = asked.to_lowercase();
    let start = DEFINING_QUESTIONS
        .iter()
        .find(|start| lower.starts_with(*start) && asked.is_char_boundary(start.len()))?;
    let role = asked[start.len()..].trim();
    let role = role.strip_suffix(" do").unwrap_or(role).trim();
    (!role.is_empty() && role.split_whitespace().count() <= 4).then(|| role.to_owned())
}

/// Roles in scripts written without spaces that name a role only as a whole title: "用户"
/// (users, the first rung as "user" is in `ROLE_WORDS`) is a role, "用户帐户" (user accounts)
/// is not.
const ROLES_ONLY_ALONE: &[&str] = &["用户", "用戶", "ユーザー", "ユーザ", "사용자"];

/// How a section on reaching, leaving or managing a role starts ("Becoming a reviewer",
/// "成为维护者", "Nominierung eines Maintainers", "Stepping down"): it names the role, and is
/// part of the role's description or of the ladder's process, not a level.
pub(super) const BECOMING: &[&str] = &[
    "nomination",
    "nominating",
    "nominierung",
    "stepping down",
    "step down",
    "removal",
    "demotion",
    "herabstufung",
    "zurücktreten",
    "提名",
    "降级",
    "become ",
    "becoming ",
    "joining ",
    "how to join",
    "how to become",
    "to become",
    "成为",
    "如何成为",
    "になるには",
    "になる",
    "werden",
    "tornar-se",
    "como se tornar",
    "convertirse",
    "cómo convertirse",
    "como convertirse",
    "devenir",
    "comment devenir",
    "wie wird man",
];

/// Words of a sentence that points from one rung to another ("Such Users may find themselves
/// becoming Contributors, as described in the next section"): with another rung's title, a
/// signpost, not an expectation.
const SIGNPOST_WORDS: &[&str] = &[
    "becom",
    "nominat",
    "promot",
    "next section",
    "next level",
    "move up",
    "progress to",
    "werden",
    "tornar",
    "convertir",
    "deveni",
    "成为",
    "晋升",
    "提名",
    "になる",
    "昇格",
    "되",
];

/// Whether a text speaks of moving between rungs ("In order to move up to this level, …"):
/// one of [`SIGNPOST_WORDS`].
pub(super) fn speaks_of_moving(text: &str) -> bool {
    let lower = plain(text).to_lowercase();
    SIGNPOST_WORDS.iter().any(|word| lower.contains(word))
}

/// Whether a rung's paragraph only points to other rungs (`others`, their titles): it names
/// one of them (singular or plural) and how one moves there.
pub(super) fn is_signpost(paragraph: &str, others: &[&str]) -> bool {
    let lower = plain(paragraph).to_lowercase();
    let names_another = others.iter().any(|title| {
        let title = plain(title).to_lowercase();
        let core = title.split(" (").next().unwrap_or(&title).trim();
        let singular = core.strip_suffix('s').unwrap_or(core);
        singular.chars().count() >= 2 && lower.contains(singular)
    });
    names_another && speaks_of_moving(&lower)
}

/// Words of a short paragraph that sends the reader elsewhere ("The [SIG Governance] mentions
/// in details the responsibilities of a Subproject Lead"): with a link, a pointer.
const POINTER_WORDS: &[&str] = &[
    "see ",
    "refer",
    "mentions",
    "described in",
    "in detail",
    "more information",
    "more details",
    "documented",
    "siehe",
    "consulte",
    "voir ",
    "参考",
    "参见",
    "请参阅",
    "詳細",
    "参照",
    "참고",
];

/// Whether a paragraph only points to another document: short, with a link and a pointing
/// word, and no sentence that says something of its own ("A committer must complete an OCA
/// to commit code. See the [OCA policy](#oca) for info." states a duty, then points).
pub(super) fn is_pointer(paragraph: &str) -> bool {
    let lower = paragraph.to_lowercase();
    let points =
        |text: &str| text.contains("](") || POINTER_WORDS.iter().any(|word| text.contains(word));
    paragraph.chars().count() <= 240
        && lower.contains("](")
        && POINTER_WORDS.iter().any(|word| lower.contains(word))
        && lower
            .replace('。', ". ")
            .replace(".\n", ". ")
            .split(". ")
            .filter(|sentence| !sentence.trim().is_empty())
            .all(points)
}

/// Words of a sentence that introduces how one reaches a role ("The process for a
/// contributor to become a member is as follows:", "提名流程如下："): the steps after it are a
/// procedure, not what the role expects.
const PROCESS_WORDS: &[&str] = &[
    "process",
    "procedure",
    "steps",
    "nominat",
    "prozess",
    "verfahren",
    "ablauf",
    "processo",
    "proceso",
    "procédure",
    "processus",
    "流程",
    "过程",
    "過程",
    "步骤",
    "程序",
    "手順",
    "手続",
    "プロセス",
    "절차",
];

/// The sentence of a paragraph that leads into the list after it, lowercased, without its
/// colon: not the paragraph before it ("… may be nominated from the maintainers. The
/// coordinator's responsibilities are as follows:").
pub(super) fn lead_in_sentence(text: &str) -> String {
    text.trim_end_matches([':', '：'])
        .rsplit(['.', '。', '!', '?'])
        .next()
        .unwrap_or(text)
        .to_lowercase()
}

/// Whether a paragraph leads into a list of the steps to reach a role: it names a process and
/// ends with a colon.
pub(super) fn is_process_lead_in(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim();
    let lower = lead_in_sentence(text);
    // (A sentence naming its list, "Project responsibilities through the project process:",
    // leads into a role's responsibilities, however they are ordered.)
    let names_a_list = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| LIST_NAMES.contains(&word));
    text.ends_with([':', '：'])
        && !names_a_list
        && PROCESS_WORDS.iter().any(|word| lower.contains(word))
}

/// Words of a sentence that introduces the people who hold a role ("Current reviewers are:",
/// "… and the following people:"), lowercased.
const HOLDERS_LEAD_WORDS: &[&str] = &[
    "current",
    "currently",
    "following people",
    "following persons",
    "following individuals",
    "actuels",
    "actuales",
    "atuais",
    "aktuelle",
    "derzeitige",
];

/// Most words of a holder's entry ("Johannes Åman Pohjohla, UNSW").
const HOLDER_WORDS: usize = 6;

/// Whether a paragraph and the list after it name the people who hold a role: the sentence
/// leading into the list says so ([`HOLDERS_LEAD_WORDS`]) and every item is a short name,
/// each word capitalized, an affiliation after a comma allowed.
pub(super) fn introduces_holders(text: &str, items: &[Item]) -> bool {
    let text = plain(text);
    let text = text.trim();
    let last_sentence = lead_in_sentence(text);
    let a_name = |item: &Item| {
        let shown = plain(&item.text);
        let words: Vec<&str> = shown
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|word| !word.is_empty())
            .collect();
        item.children.is_empty()
            && (1..=HOLDER_WORDS).contains(&words.len())
            && words
                .iter()
                .all(|word| word.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
    };
    text.ends_with([':', '：'])
        && HOLDERS_LEAD_WORDS
            .iter()
            .any(|word| last_sentence.contains(word))
        && !items.is_empty()
        && items.iter().all(a_name)
}

/// How a section on what a level should avoid starts ("Common Pitfalls", "Anti-patterns",
/// "Red flags"), lowercased: what it lists is not expected of the level, but said about it.
const PITFALL_HEADINGS: &[&str] = &[
    "common pitfalls",
    "pitfalls",
    "anti-patterns",
    "antipatterns",
    "anti patterns",
    "red flags",
    "warning signs",
    "common mistakes",
    "what it is not",
    "what this role is not",
    // A matrix's rows of what goes wrong at each level (LumApps' "Potential Misalignments").
    "potential misalignments",
    "misalignments",
    "failure modes",
    "typische fehler",
    "よくある落とし穴",
];

/// Words inside a heading that say its list is what to avoid ("Behavior to avoid", "Was zu
/// vermeiden ist").
const AVOID_PHRASES: &[&str] = &["to avoid", "zu vermeiden", "à éviter", "a evitar"];

/// Whether a heading is over what a level should avoid (see [`PITFALL_HEADINGS`],
/// [`AVOID_PHRASES`]).
pub(super) fn is_pitfalls_heading(title: &str) -> bool {
    let lower = plain(title).trim().to_lowercase();
    PITFALL_HEADINGS
        .iter()
        .any(|start| lower.starts_with(start))
        || AVOID_PHRASES.iter().any(|phrase| lower.contains(phrase))
}

/// How the heading of a section that describes a level starts ("Description & goals of the
/// role", "Summary", "概要"), lowercased: its paragraphs are the level's description, not
/// expectations of an area.
const DESCRIPTION_HEADINGS: &[&str] = &[
    "description",
    "summary",
    "overview",
    "discussion",
    "purpose",
    "role summary",
    "role description",
    "about the role",
    // A level's mission, and "what you work on" over its scope in one line.
    "mission",
    "what you work on",
    "ミッション",
    "使命",
    "役割概要",
    "역할 요약",
    "요약",
    "beschreibung",
    "zusammenfassung",
    "überblick",
    "beskrivelse",
    "beskrivning",
    "sammendrag",
    "sammanfattning",
    "beschrijving",
    "omschrijving",
    "descrizione",
    "opis",
    "descripción",
    "resumen",
    "descrição",
    "resumo",
    "visão geral",
    "résumé",
    "aperçu",
    "概要",
    "概述",
    "描述",
    "简介",
    "摘要",
    "職務概要",
    "개요",
    "설명",
];

/// Whether an area's heading names a description of the level rather than an area.
pub(crate) fn is_description_heading(title: &str) -> bool {
    let lower = plain(title).trim().to_lowercase();
    DESCRIPTION_HEADINGS.iter().any(|start| {
        // Written without spaces, the word ends the title ("角色摘要", role summary).
        let unspaced = !start.is_ascii() && start.chars().all(|c| !c.is_alphabetic() || c > 'ɏ');
        if unspaced && lower.contains(start) && !lower.contains(' ') {
            return true;
        }
        lower.starts_with(start)
            && lower[start.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// How a heading over the signs that one is ready for the next level starts, lowercased
/// ("Indicadores de Progresso para SE III", "Ready for Staff when"): what the next level asks,
/// said about this one, not expected of it.
const NEXT_LEVEL_HEADINGS: &[&str] = &[
    "indicadores de progresso",
    "indicadores de progreso",
    "progress indicators",
    "signs you are ready",
    "signals you are ready",
    "ready for the next level",
    "readiness for",
    "moving to the next level",
    "next level",
    "próximo nível",
    "siguiente nivel",
    "nächste stufe",
    "prochain niveau",
    "次のレベル",
    "下一级",
    "다음 레벨",
];

/// Whether a heading is over the signs of readiness for the next level (see
/// [`NEXT_LEVEL_HEADINGS`]).
pub(super) fn is_next_level_heading(title: &str) -> bool {
    let lower = plain(title)
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim()
        .to_lowercase();
    NEXT_LEVEL_HEADINGS
        .iter()
        .any(|start| lower.starts_with(start))
}

/// Whether a heading names how one reaches or leaves a role ("How to become a maintainer",
/// "成为维护者", "Stepping down").
pub(super) fn is_becoming_heading(title: &str) -> bool {
    let lower = plain(title).trim().to_lowercase();
    // After a label ("Promotion: Becoming a Core Member").
    let labelled = lower
        .split_once([':', '：'])
        .map(|(_, rest)| rest.trim())
        .unwrap_or(&lower);
    BECOMING
        .iter()
        .any(|start| lower.starts_with(start) || labelled.starts_with(start))
        || ["nominat", "提名", "nominierung", "晋升", "升级为"]
            .iter()
            .any(|stem| lower.contains(stem))
        || is_leaving_heading(title)
        || lower.ends_with(" werden")
        || lower.ends_with("になる")
        || lower.ends_with("になるには")
}

/// Stems of a heading on leaving a role: "Involuntary Removal or Demotion", "Removing
/// Contributors", "Inactivity", "Withdrawing from the TSC Board", "Resignation of the Chair",
/// "退出", "卸任", "降级为".
const LEAVING_STEMS: &[&str] = &[
    "退出",
    "卸任",
    "降级为",
    "remov",
    "demotion",
    "inactiv",
    "withdraw",
    "resign",
    // Inactive members in German, Dutch, Russian, Korean, Chinese and Japanese.
    "inaktiv",
    // Stepping back, in German, French, Spanish, Portuguese, Italian and Russian.
    "rückzug",
    "retrait",
    "retiro",
    "afastamento",
    "ritiro",
    "уход",
    "неактив",
    "비활성",
    "不活跃",
    "非活跃",
    "非アクティブ",
];

/// Whether a heading names how one leaves a role ([`LEAVING_STEMS`]).
pub(super) fn is_leaving_heading(title: &str) -> bool {
    let lower = plain(title).trim().to_lowercase();
    LEAVING_STEMS.iter().any(|stem| lower.contains(stem))
}

/// Gerunds a heading over the handling of roles starts with ("Adding maintainers", "Helping
/// contributors with the DCO", "Changing leaders"): how people are given, guided or moved
/// through a role, not a role. ("Engineering Manager" starts with no such verb.)
const HANDLING_GERUNDS: &[&str] = &[
    "adding",
    "helping",
    "handling",
    "changing",
    "appointing",
    "selecting",
    "electing",
    "onboarding",
    "offboarding",
    "replacing",
    "removing",
    "choosing",
    "welcoming",
    "recognizing",
    "recognising",
    "granting",
    "revoking",
    "retiring",
];

/// Whether a heading is about handling a role (see [`HANDLING_GERUNDS`]).
pub(super) fn is_handling_heading(title: &str) -> bool {
    let lower = plain(title).trim().to_lowercase();
    lower
        .split_whitespace()
        .next()
        .is_some_and(|first| HANDLING_GERUNDS.contains(&first))
}

/// Words of a heading over a procedure rather than a role's expectations ("Acceptance",
/// "Voting", "Election of maintainers", "Procedure for handling abuse"), lowercased.
const PROCEDURE_WORDS: &[&str] = &[
    // Not "process": a competency area of many company ladders.
    "procedure",
    "procedures",
    "voting",
    "vote",
    "election",
    "elections",
    "acceptance",
    "abuse",
    // What a governing body's section settles about its members, not a rung ("Governing
    // Board Member Remuneration", "Replacement of Governing Board Members").
    "remuneration",
    "replacement",
    "removal",
    "vacancy",
    "vacancies",
    "abstimmung",
    "wahl",
    "votación",
    "votação",
];

/// Whether a heading names a procedure (see [`PROCEDURE_WORDS`]).
pub(super) fn is_procedure_heading(title: &str) -> bool {
    let plain_title = plain(title);
    let lower = plain_title.to_lowercase();
    // "TSC Meetings", "Steering committee meetings": when and how a body meets. (A team's
    // meetings, "Meetings" alone, are a manager's competency.)
    let words: Vec<&str> = plain_title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let body_meets = words
        .iter()
        .any(|word| word.eq_ignore_ascii_case("meetings"))
        && words.iter().any(|word| {
            word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
                || ROLE_WORDS.contains(&word.to_lowercase().as_str())
        });
    body_meets
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| PROCEDURE_WORDS.contains(&word))
}

/// Bodies of people a role ladder gives a rung of their own ("Security team", "Advisory
/// Board"), as the last word of a title.
const BODY_WORDS: &[&str] = &[
    "team", "group", "board", "squad", "equipo", "equipe", "équipe", "comité", "comitê",
];

/// [`BODY_WORDS`] in scripts written without spaces, found at the end of a longer title
/// ("ドメイン・チーム", "技术委员会", "보안 팀").
const BODY_WORDS_UNSPACED: &[&str] = &[
    "チーム",
    "グループ",
    "委員会",
    "理事会",
    "团队",
    "小组",
    "委员会",
    "팀",
    "그룹",
    "위원회",
];

/// Whether a title names one body of people by its last word after what the body is for
/// ("Security team", "Advisory Board"; not "Team organization", about one, nor "Project
/// Teams", about a kind): beside a ladder's roles, one more of them.
pub(super) fn names_a_body(title: &str) -> bool {
    let lower = plain(title).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let unbracketed = without_brackets(&lower);
    let title = unbracketed.trim();
    let unspaced = BODY_WORDS_UNSPACED
        .iter()
        .any(|word| title.ends_with(word) && title.chars().count() > word.chars().count());
    // German and Dutch write a body as one word ("Kernteam", "Stuurgroep", "Lenkungsausschuss").
    let compounded = words.len() == 1
        && COMPOUNDED_BODIES
            .iter()
            .any(|body| title.ends_with(body) && title.len() > body.len() + 2);
    unspaced
        || compounded
        || words.len() >= 2 && words.last().is_some_and(|last| BODY_WORDS.contains(last))
}

/// The last parts of German and Dutch words for a body of people, written as one word with
/// what it does ("Kernteam", "Stuurgroep", "Lenkungsausschuss", "Programmcommissie").
const COMPOUNDED_BODIES: &[&str] = &[
    "team",
    "gruppe",
    "groep",
    "ausschuss",
    "komitee",
    "kommission",
    "commissie",
    "gremium",
    "raad",
];

/// Whether a title ends with a role's word ("Voting Members", "Election Officer"): a
/// procedure's word before it qualifies the role.
pub(super) fn ends_with_role(title: &str) -> bool {
    plain(title)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|word| !word.is_empty())
        .is_some_and(|last| ROLE_WORDS.contains(&last.trim_end_matches('s')))
}

/// How a heading over reading material starts ("Additional reading", "Resources"): what it
/// lists is for the reader, not expected of the level.
const RESOURCE_HEADINGS: &[&str] = &[
    "additional reading",
    "further reading",
    "recommended reading",
    "reading list",
    "reading",
    "resources",
    "references",
    "learning resources",
    "books",
    "weiterführende literatur",
    "literatur",
    "lecturas",
    "recursos",
    "leituras",
    "参考资料",
    "参考文献",
    "参考",
    "推荐阅读",
    "参考資料",
    "참고 자료",
    // The page's links to the levels around it, and to a form to fill: for the reader too.
    "navigation",
    "self-assessment",
    "self assessment",
];

/// Whether a heading is over reading material (see [`RESOURCE_HEADINGS`]).
pub(super) fn is_resources_heading(title: &str) -> bool {
    let lower = plain(title).trim().to_lowercase();
    RESOURCE_HEADINGS
        .iter()
        .any(|start| lower == *start || lower.starts_with(&format!("{start}:")))
}

/// Marks a footnote starts with (`\* _Excluding …_`, `† …`, `※ …`, `¹ …`).
const FOOTNOTE_MARKS: &[&str] = &["\\*", "(*)", "*)", "†", "‡", "※", "¹", "²", "³"];

/// Whether a paragraph is a footnote to what came before it: an aside, not an expectation.
pub(super) fn is_footnote(text: &str) -> bool {
    let text = text.trim_start();
    FOOTNOTE_MARKS.iter().any(|mark| text.starts_with(mark))
}

/// How much a label looks like a level's title rather than an area's name, from 0 to 1.
/// "Committer 的权利" (a Committer's rights): a list named after the role, in a script that
/// writes its words without spaces.
fn ends_with_unspaced_list_name(title: &str) -> bool {
    let title = title.trim().trim_end_matches([':', '：']);
    AREA_LABEL_WORDS
        .iter()
        .filter(|word| !word.is_ascii() && !word.contains(' '))
        .any(|word| title.ends_with(word) && title != *word)
}

/// Where the alphabets a rung's code may be lettered in end (Latin, Greek, Cyrillic: below
/// U+0530).
const CODE_ALPHABETS_END: u32 = 0x0530;

/// Whether a word is a rung's code (`L3`, `IC2`, `E5`, `M2`, `SE3`, Cyrillic `Е1`): one to
/// three letters of an alphabet below [`CODE_ALPHABETS_END`], then digits (a dot among them).
pub(crate) fn is_rung_code(word: &str) -> bool {
    let alphabet = |c: &char| c.is_alphabetic() && u32::from(*c) < CODE_ALPHABETS_END;
    let letters: usize = word.chars().take_while(alphabet).map(char::len_utf8).sum();
    // ("Lv.1", "Gr.3": the letters abbreviated before the number.)
    let rest = word[letters..]
        .strip_prefix('.')
        .unwrap_or(&word[letters..]);
    let letters = word[..letters].chars().count();
    (1..=3).contains(&letters)
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Last words of a title that names a whole ladder or its roles together ("Contributor
/// Roles", "Community Ladder", "Engineering Levels"), lowercased.
const LADDER_NAMES: &[&str] = &[
    "roles",
    "ladder",
    "levels",
    "rollen",
    "rôles",
    "papéis",
    "papeles",
    "ruoli",
    "rolü",
    "niveaux",
    "niveles",
    "níveis",
    "stufen",
    "karriereleiter",
];

/// German titles written as one word with their field ("Softwareentwickler", "Teamleiter",
/// "Bereichsleiterin", "Datenarchitekt"): the post's word at the end of a longer word.
const COMPOUNDED_POSTS: &[&str] = &[
    "leiter",
    "leiterin",
    "entwickler",
    "entwicklerin",
    "ingenieur",
    "ingenieurin",
    "architekt",
    "architektin",
];

/// Whether a word (lowercased) ends with one of [`COMPOUNDED_POSTS`] after a field's name.
fn names_a_post_compounded(word: &str) -> bool {
    COMPOUNDED_POSTS.iter().any(|post| {
        word.strip_suffix(post)
            .is_some_and(|field| field.chars().count() >= 3)
    })
}

/// Whether a text is a date (`2024-01-10`, `10.01.2024`, `1/10/24`, `2024年1月10日`): a
/// change log's or a meeting's row, never a level.
pub(crate) fn is_date(text: &str) -> bool {
    let text = text.trim();
    let parts: Vec<&str> = text
        .split(['-', '.', '/', '年', '月', '日'])
        .filter(|part| !part.is_empty())
        .collect();
    let numeric = |part: &&str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
    let separated = text.contains(['-', '.', '/', '年']);
    separated
        && parts.len() == 3
        && parts.iter().all(numeric)
        && parts.iter().any(|part| matches!(part.len(), 2 | 4))
        && parts.iter().all(|part| part.len() <= 4)
        && (parts[0].len() == 4 || parts[2].len() == 4 || parts.iter().all(|part| part.len() <= 2))
}

pub(crate) fn level_likeness(label: &str) -> f32 {
    let label = plain(label);
    let first_line = label.lines().next().unwrap_or("").trim();
    if first_line.is_empty() {
        return 0.0;
    }
    // "What is a maintainer?": a question that defines a role is titled like the role.
    if let Some(role) = defined_role(first_line) {
        return level_likeness(&role);
    }
    // "Community member requirements": a role's list, named after the role. (A role in
    // brackets after it says whom the list is for: "GitHub 设置清单（Org Admin）".)
    let unbracketed = without_brackets(first_line);
    let names_a_list = unbracketed
        .to_lowercase()
        .split_whitespace()
        .last()
        .is_some_and(|word| LIST_NAMES.contains(&word.trim_end_matches([':', '：'])))
        || ends_with_unspaced_list_name(&unbracketed)
        || ["清单", "チェックリスト"]
            .iter()
            .any(|list| unbracketed.trim().ends_with(list));
    // "Privileges of a Contributor", "Checklist for becoming a Reviewer", "Characteristics of
    // a Member": a role's list, named before the role.
    let mut words_of = first_line.split_whitespace().map(str::to_lowercase);
    let list_of_a_role = words_of.next().is_some_and(|first| {
        (LIST_NAMES.contains(&first.as_str())
            || matches!(
                first.as_str(),
                "checklist" | "criteria" | "benefits" | "characteristics"
            ))
            && words_of
                .next()
                .is_some_and(|second| matches!(second.as_str(), "of" | "for" | "to"))
    });
    let lower_line = first_line.to_lowercase();
    // "Progression Process", "Nominierungsprozess", "晋升流程": how roles are reached.
    let a_process = [
        "process",
        "prozess",
        "processo",
        "proceso",
        "processus",
        "流程",
        "プロセス",
    ]
    .iter()
    .any(|word| lower_line.ends_with(word));
    // "Contributor Roles", "Community Ladder", "Engineering Levels": the whole system named
    // by its last word, in the plural.
    let names_the_ladder = unbracketed
        .to_lowercase()
        .split_whitespace()
        .last()
        .is_some_and(|word| LADDER_NAMES.contains(&word.trim_end_matches([':', '：'])))
        && unbracketed.split_whitespace().count() >= 2;
    if names_a_list
        || names_the_ladder
        || is_date(first_line)
        || only_rank_words(first_line)
        || list_of_a_role
        || a_process
        || lower_line.contains(" becoming ")
        || is_description_heading(first_line)
        || is_becoming_heading(first_line)
        || is_procedure_heading(first_line)
        || is_handling_heading(first_line)
        || is_resources_heading(first_line)
    {
        return 0.0;
    }
    let lower = first_line.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | '（' | '）' | ',' | '/' | '-' | '–' | '：')
        })
        // French and German inclusive writing: "Ingénieur·e", "confirmé·e", "Nutzer:in",
        // "Mitwirkende:r", "Entwickler*in" are "ingénieur", "confirmé", "nutzer" …
        .map(without_gender_suffix)
        .filter(|word| !word.is_empty())
        .collect();
    // "1. Technical Know-How", "2.3 Delivery": a section's number, not a level's.
    let section_number = words.len() > 1
        && words[0].ends_with(['.', ')'])
        && words[0]
            .trim_end_matches(['.', ')'])
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
    if section_number {
        words.remove(0);
    }
    // `L3`, `IC2`, `E5`, `P1`, `M2`, `SE3`: letters then digits; in Cyrillic or Greek too
    // (`Е1`, `М2`), not in a script that writes words without spaces.
    let coded = words.iter().any(|word| is_rung_code(word));
    // `level1`, `grade_3`, `band-2`: a rung's word and its number written as one key.
    let keyed = words.len() == 1 && numbered_stem(words[0]).is_some_and(is_rung_word);
    if coded
        || keyed
        || words
            .iter()
            .all(|word| word.chars().all(|c| c.is_ascii_digit()))
    {
        return 1.0;
    }
    // `Engineer II`; a lone `i` or `v` only as the last word (`When do I get promoted?` is no
    // level).
    // (A code's suffix does not hide it: "Catégorie I bis".)
    let last_code = match words.as_slice() {
        [.., code, "bis" | "ter" | "quater"] => Some(*code),
        [.., code] => Some(*code),
        [] => None,
    };
    let roman = words
        .iter()
        .any(|word| matches!(*word, "ii" | "iii" | "iv" | "vi" | "vii"))
        || last_code.is_some_and(|word| matches!(word, "i" | "v"));
    // A small number on its own (`Engineer 2`, `Level 3`), not a percentage or a year.
    let digit = words.iter().any(|word| {
        word.trim_end_matches([':', '.'])
            .parse::<u32>()
            .is_ok_and(|number| number <= 20)
    });
    // A role in the plural names the role's section as well (`Maintainers`, `Committers`).
    // "Anyone" is Kubernetes' first rung as a title of its own; in "Everyone is Welcome" it is
    // a sentence's subject.
    let anyone = |word: &&str| matches!(*word, "anyone" | "everyone" | "jeder" | "cualquiera");
    // (A rung's word in a name of the whole system, "Career Grade Matrix", names the
    // ladder's rungs, as in the scripts without spaces below.)
    let names_the_system = SYSTEM_WORDS_UNSPACED
        .iter()
        .any(|word| lower_line.contains(word));
    let worded = words.iter().any(|word| {
        if anyone(word) {
            return words.len() <= 2;
        }
        LEVEL_WORDS.contains(word) && !(is_rung_word(word) && names_the_system)
            || names_a_post_compounded(word)
            || ROLE_WORDS.contains(word)
            || word
                .strip_suffix('s')
                .is_some_and(|singular| ROLE_WORDS.contains(&singular))
            || word
                .strip_suffix("es")
                .is_some_and(|singular| ROLE_WORDS.contains(&singular))
    });
    // Japanese, Chinese and Korean titles: 級, 等級, レベル, シニア, 主任, 贡献者...
    // (A rung's word in a name of the whole system, "커리어 레벨", "等級一覧", "职级体系",
    // names the ladder's rungs, not one of them; "미드레벨", mid-level, is one.)
    let cjk = LEVEL_WORDS_UNSPACED
        .iter()
        .filter(|word| !(is_rung_word(word) && names_the_system))
        .any(|word| first_line.contains(word))
        || names_an_engineer_unspaced(first_line)
        || ROLES_ONLY_ALONE.contains(&without_brackets(first_line).trim());
    let mut score: f32 = 0.0;
    if roman || digit {
        score += 0.6;
    }
    if worded || cjk {
        score += 0.6;
    }
    // A long label is a sentence, not a title. Function words and a parenthesized
    // abbreviation do not make it longer ("Member of the Technical Steering Committee (TSC)").
    let outside_parentheses = lower.split(['(', '（']).next().unwrap_or(&lower);
    let content_words = outside_parentheses
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '-' | '–'))
        .filter(|word| !word.is_empty() && !FUNCTION_WORDS.contains(word))
        .count();
    if content_words > 6 {
        score *= 0.3;
    }
    score.min(1.0)
}

/// Words that name a rung of a ladder, singular and lowercased, in the languages the importer
/// reads ("level", "Stufe", "等級"): the one vocabulary every rule about rungs starts from
/// (a title of them alone, a number after one, a corner cell, a paragraph naming its rung).
pub(crate) const RUNG_WORDS: &[&str] = &[
    "level",
    "grade",
    "band",
    "tier",
    "rank",
    "stufe",
    "nivel",
    "nível",
    "niveau",
    "レベル",
    "等級",
    "等级",
    "グレード",
    "级别",
    "职级",
    "職級",
    "등급",
    "레벨",
    "직급",
    // Russian, Hebrew, Polish, Italian and Turkish.
    "грейд",
    "уровень",
    "דרגה",
    "poziom",
    "livello",
    "seviye",
];

/// A word without the ending inclusive writing adds to it: French `·e`, `·es`, `·rice` (after
/// a middle dot, any short ending), German `:in`, `:innen`, `:r`, `*in`, `_in`. Other colons
/// stay ("1:1s" is a ratio).
fn without_gender_suffix(word: &str) -> &str {
    if let Some((stem, ending)) = word.split_once(['·', '∙']) {
        if !stem.is_empty() && ending.chars().count() <= 5 {
            return stem;
        }
    }
    if let Some((stem, ending)) = word.split_once([':', '*', '_']) {
        if !stem.is_empty() && matches!(ending, "in" | "innen" | "r" | "e") {
            return stem;
        }
    }
    word
}

/// Whether a word (lowercased) is one of [`RUNG_WORDS`].
pub(crate) fn is_rung_word(word: &str) -> bool {
    RUNG_WORDS.contains(&word)
}

/// The plurals of [`RUNG_WORDS`] that a title naming the rungs in general uses ("Levels",
/// "Niveaux").
const RUNG_PLURALS: &[&str] = &[
    "levels", "grades", "bands", "tiers", "ranks", "stufen", "niveles", "níveis", "niveaux",
];

/// Whether a title is only words that name rungs in general ("Grade", "Levels", "等級"), with
/// no number or name: a heading over the ladder's summary, not a rung.
fn only_rank_words(title: &str) -> bool {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '&' | '/' | ',' | '・'))
        .filter(|word| !word.is_empty() && !matches!(*word, "and" | "und" | "y" | "et"))
        .collect();
    !words.is_empty()
        && words
            .iter()
            .all(|word| is_rung_word(word) || RUNG_PLURALS.contains(word))
}

/// Words that title a manager's rung ("Engineering Manager", "Director of Design", "Head of
/// Data", "マネージャー", "经理"), lowercased; unspaced ones are found inside a title.
const MANAGER_WORDS: &[&str] = &[
    "manager",
    "director",
    "head",
    "vp",
    "leiter",
    "leiterin",
    "gerente",
    "directeur",
    "directora",
    "diretor",
    "diretora",
    "gestor",
    "gestora",
    "jefe",
    "jefa",
    "teamleiter",
    "teamleiterin",
    "abteilungsleiter",
    "abteilungsleiterin",
    "bereichsleiter",
    "bereichsleiterin",
    "direttore",
    "kierownik",
    "dyrektor",
    "руководитель",
    "директор",
    "менеджер",
    "тимлид",
    "מנהל",
    "מנהלת",
    "مدير",
    "yönetici",
    "müdür",
];
const MANAGER_WORDS_UNSPACED: &[&str] = &[
    "マネージャー",
    "マネジャー",
    "部長",
    "課長",
    "经理",
    "总监",
    "主管",
    "매니저",
    "팀장",
];

/// Words in a track's name that say it is the managers' ("Management", "Führungslaufbahn",
/// "Gestión", "Gestão", "Leitung"), lowercased, found inside the name.
const MANAGEMENT_TRACK_WORDS: &[&str] = &[
    "manag",
    "führung",
    "leitung",
    "gestión",
    "gestion",
    "gestão",
    "direction",
    "zarząd",
    "управлен",
    "ניהול",
    "إدارة",
    "yönetim",
    "管理",
    "マネジメント",
    "매니지먼트",
    "관리",
];

/// Whether a track is the managers': its name says so ([`MANAGEMENT_TRACK_WORDS`]), or most
/// of its levels are managers' titles ("Líder de Equipo", "Gerente de Ingeniería", "Director
/// de Ingeniería").
pub(crate) fn is_management_track<'a>(name: &str, titles: impl Iterator<Item = &'a str>) -> bool {
    let lower = name.to_lowercase();
    let (mut managers, mut levels) = (0, 0);
    for title in titles {
        levels += 1;
        // (A product, program or project manager manages no people.)
        let lower = title.to_lowercase();
        let manages_work = ["product", "program", "programme", "project", "account"]
            .iter()
            .any(|what| lower.contains(&format!("{what} manager")));
        managers += usize::from(is_manager_title(title) && !manages_work);
    }
    MANAGEMENT_TRACK_WORDS
        .iter()
        .any(|word| lower.contains(word))
        || managers * 2 > levels
}

/// Whether a level's title is a manager's (see [`MANAGER_WORDS`]).
pub(crate) fn is_manager_title(title: &str) -> bool {
    let lower = plain(title).to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| MANAGER_WORDS.contains(&word))
        || MANAGER_WORDS_UNSPACED
            .iter()
            .any(|word| lower.contains(word))
}

/// A text without what it says in brackets (`(…)`, `（…）`).
pub(super) fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Words that join a title's words ("Member *of the* Board"): not counted in its length.
const FUNCTION_WORDS: &[&str] = &[
    "of", "the", "a", "an", "and", "for", "in", "on", "to", "de", "del", "la", "le", "les", "des",
    "der", "die", "das", "und", "e", "y", "et", "do", "da", "dos", "das",
];

/// Words in a corner cell that say the rows are levels, or that they are areas.
pub(super) fn corner_says_rows_are_levels(corner: &str) -> Option<bool> {
    let corner = corner.to_lowercase();
    // (Besides the rungs' own words, the words that title a column of roles.)
    let levels = [
        "title",
        "role",
        "position",
        "角色",
        "役割",
        "역할",
        "должность",
        "תפקיד",
        "stanowisko",
        "rolle",
        "rôle",
        "papel",
        "cargo",
        "puesto",
        "poste",
        "titel",
        "titre",
        "título",
    ];
    let areas = [
        "area",
        "competenc",
        "skill",
        "dimension",
        "category",
        "attribute",
        "pillar",
        "focus",
        "criteria",
        "trait",
        "behaviour",
        "behavior",
        "kompetenz",
        "bereich",
    ];
    if areas.iter().any(|word| corner.contains(word)) {
        Some(false)
    } else if RUNG_WORDS
        .iter()
        .chain(&levels)
        .any(|word| corner.contains(word))
    {
        Some(true)
    } else {
        None
    }
}

/// Words by which a paragraph announces the list after it ("The following apply to all
/// members", "以下の条件を満たす"), lowercased.
const ANNOUNCING_WORDS: &[&str] = &[
    "following",
    "below",
    "as follows",
    "folgende",
    "folgenden",
    "siguiente",
    "seguinte",
    "suivant",
    "以下",
    "下列",
    "如下",
    "다음",
];

/// Whether a paragraph right before a list introduces it (it ends in a colon or announces
/// what follows) rather than saying something of its own. "As an L3 Product Owner, you lead
/// a single mission." before a list is a statement, the first of the area's.
pub(super) fn reads_as_lead_in(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim();
    let lower = text.to_lowercase();
    text.ends_with([':', '：', '…'])
        || text.ends_with("...")
        || ANNOUNCING_WORDS.iter().any(|word| lower.contains(word))
}

/// Words by which a sentence states what a candidate must have or have shown ("you must have
/// reviewed 5 PRs", "需要至少两位维护者的提名"), lowercased.
const REQUIREMENT_WORDS: &[&str] = &[
    " must ",
    " need to ",
    " needs to ",
    " required",
    " requires ",
    " should have ",
    " at least ",
    " have to ",
    " has to ",
    " expected to ",
    " demonstrat",
    " müssen ",
    " muss ",
    " mindestens ",
    " debe ",
    " deben ",
    " al menos ",
    " deve ",
    " devem ",
    " pelo menos ",
    " doit ",
    " doivent ",
    " au moins ",
    "必须",
    "需要",
    "至少",
    "必要",
    "以上",
    "해야",
    "이상",
];

/// Whether a paragraph under "Becoming a Reviewer" states what a candidate must have or have
/// shown (an expectation of the level) rather than only the steps of applying.
pub(super) fn states_a_requirement(paragraph: &str) -> bool {
    says_any_of(paragraph, REQUIREMENT_WORDS)
}

/// Whether a paragraph's text, lowercased and padded with a space each side (so that `" must "`
/// finds the word at its start or end), holds any of `words`.
fn says_any_of(paragraph: &str, words: &[&str]) -> bool {
    let lower = format!(" {} ", plain(paragraph).to_lowercase());
    words.iter().any(|word| lower.contains(word))
}

/// Words of the steps of applying for a role ("submit a pull request", "open an issue",
/// "既存のメンテナーに伝えることから始めましょう"), lowercased.
const STEP_WORDS: &[&str] = &[
    " submit ",
    " open a ",
    " open an ",
    " create a ",
    " create an ",
    " file a ",
    " file an ",
    " add yourself ",
    " reach out ",
    " fill out ",
    " to apply",
    " start by ",
    " einreichen ",
    " eröffne ",
    " envía ",
    " abre ",
    " envie ",
    " abra ",
    "始めましょう",
    "申請",
    "提出",
];

/// Whether a paragraph under "Becoming a Reviewer" only gives the steps of applying ("If you
/// are interested …, submit a pull request …"): the way to the level, said about it.
pub(super) fn only_gives_steps(paragraph: &str) -> bool {
    says_any_of(paragraph, STEP_WORDS)
}

/// Headings over a level's grade or pay ("Job Grade", "Vergütung"): facts about the level,
/// which its description holds, not an area of what it expects.
const LEVEL_FACT_HEADINGS: &[&str] = &[
    "job grade",
    "grade",
    "pay grade",
    "salary",
    "salary range",
    "pay",
    "pay range",
    "compensation",
    "band",
    "gehalt",
    "vergütung",
    "gehaltsband",
    "salaire",
    "rémunération",
    "salario",
    "salário",
    "remuneración",
    "remuneração",
    "stipendio",
    "retribuzione",
    "salaris",
    "wynagrodzenie",
    "給与",
    "等級",
    "薪资",
    "薪酬",
    "연봉",
];

/// Whether a heading inside a level names its grade or pay ([`LEVEL_FACT_HEADINGS`]).
pub(super) fn names_a_level_fact(heading: &str) -> bool {
    let heading = crate::markup::plain_text(heading);
    LEVEL_FACT_HEADINGS.contains(
        &heading
            .trim()
            .trim_end_matches([':', '：'])
            .to_lowercase()
            .as_str(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_titles_look_like_levels_and_areas_do_not() {
        for title in [
            "Senior Engineer",
            "L3",
            "IC2",
            "Engineer II",
            "Level 4",
            "Staff",
            "E5",
            // Roles' sections, written in the plural.
            "Community Participants AKA Zarf Enthusiasts",
            "Component Team Leads",
            "Maintainers",
            // A role translated in brackets.
            "1.3 提交者 (Committers)",
            // A role's title that starts with a word ending in "-ing", no verb.
            "Engineering Manager",
            // Japanese members and people in charge.
            "ワーキング・グループのメンバー",
            "各ドメインの担当責任者",
            // Hebrew, Arabic, Russian, Polish, Dutch, Italian and Turkish titles.
            "מהנדס בכיר",
            "מפתחת ג'וניור",
            "مهندس برمجيات",
            "Старший разработчик",
            "Starszy programista",
            "Medior ontwikkelaar",
            "Sviluppatore senior",
            "Kıdemli Yazılım Mühendisi",
            // Governing bodies and agents of a project's work.
            "Steering council",
            "Mergers",
            "APE editor",
            "Community engagement coordinator",
            // A code's suffix, a middle rung, a role that is only one in a whole title.
            "Catégorie I bis",
            "Middle",
            "用户",
            // A rung's word and number written as one data key.
            "level1",
            "grade_3",
            // A question that defines a role.
            "What is a maintainer?",
            "Who are the committers?",
        ] {
            assert!(level_likeness(title) >= 0.5, "{title}");
        }
        for area in [
            "Communication",
            "Technical skills",
            "Impact",
            "Collaboration & teamwork",
            // A section's number is not a level's.
            "1. Technical Know-How (DB内部構造・アーキテクチャ・設計)",
            "2.3 Delivery",
            // A checklist for a role, the role in brackets.
            "GitHub 设置清单（Org Admin）",
            // The ladder's rungs in general.
            "Grade",
            "Levels",
            "等級",
            // How roles are handled, not roles.
            "Adding maintainers",
            "Helping contributors with the DCO",
            "Changing leaders",
            // Leaving or reaching a role.
            "Withdrawing from the TSC maintainer",
            "Resignation of the TSC Chair",
            "Joining the support team",
            // A question about anything else.
            "What is the voting process?",
        ] {
            assert!(level_likeness(area) < 0.5, "{area}");
        }
    }
}
