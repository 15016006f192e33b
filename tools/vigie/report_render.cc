// SPDX-License-Identifier: Apache-2.0
// HTML and Markdown from the assessment (report_render.h). The page is
// built from a few pieces: key figures, what to do, what is exposed
// (a bar chart and its table), health (idem), the people, each delimited
// file's columns (a heat map and its table), the severity and its factors,
// the files, and how it was measured. Every text that comes from the
// inputs (paths, column names, samples) is escaped.
#include "report_render.h"

#include <absl/strings/escaping.h>
#include <absl/strings/str_format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace vigie::cli {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------
// Words.

struct Words {
  std::string_view fr;
  std::string_view en;
};

const std::map<std::string_view, Words>& Dictionary() {
  static const auto* words = new std::map<std::string_view, Words>{
      {"title",
       {"Évaluation d'une fuite de données personnelles", "Personal data breach assessment"}},
      {"generated", {"Rapport de vigie %s, %s", "Report by vigie %s, %s"}},
      {"inputs_line",
       {"%d fichier(s), %s, lus en %s s : %d enregistrement(s) (%s).",
        "%d file(s), %s, read in %s s: %d record(s) (%s)."}},
      {"persons", {"Personnes distinctes", "Distinct people"}},
      {"persons_exact", {"compte exact", "exact count"}},
      {"persons_estimate", {"estimation, entre %s et %s", "estimate, between %s and %s"}},
      {"persons_estimate_upper", {"estimation, au plus %s", "estimate, at most %s"}},
      {"records", {"Enregistrements", "Records"}},
      {"records_with_findings", {"avec des données personnelles", "with personal data"}},
      {"health_records", {"Enregistrements révélant la santé", "Records revealing health"}},
      {"health_persons", {"%d personne(s)", "%d person(s)"}},
      {"severity", {"Gravité (méthode ENISA)", "Severity (ENISA method)"}},
      {"todo", {"Que faire", "What to do"}},
      {"notify",
       {"Notifier la violation à la CNIL dans les 72 heures après en avoir pris connaissance "
        "(RGPD, article 33).",
        "Notify the supervisory authority (CNIL in France) within 72 hours of becoming aware "
        "of the breach (GDPR Article 33)."}},
      {"inform",
       {"Informer les personnes concernées sans délai injustifié (RGPD, article 34) : les "
        "données ont été trouvées en clair, l'exception d'un chiffrement ne s'applique pas.",
        "Inform the people concerned without undue delay (GDPR Article 34): the data was "
        "found in clear, so the exception for encrypted data does not apply."}},
      {"no_inform",
       {"L'information des personnes (article 34) n'est pas requise à ce niveau de gravité, "
        "sauf si d'autres éléments élèvent le risque.",
        "Informing the people (Article 34) is not required at this severity, unless other "
        "facts raise the risk."}},
      {"no_notify",
       {"Une notification n'est pas requise si la violation ne présente pas de risque ; "
        "documentez-la.",
        "Notification is not required when the breach is unlikely to result in a risk; "
        "document it."}},
      {"document",
       {"Dans tous les cas, consigner la violation, ses effets et les mesures prises dans le "
        "registre interne (article 33(5)).",
        "In every case, record the breach, its effects and the measures taken in the internal "
        "register (Article 33(5))."}},
      {"why", {"Pourquoi", "Why"}},
      {"r_severity",
       {"La gravité calculée est %s (%s sur une échelle où 4 et plus est très élevé).",
        "The computed severity is %s (%s on a scale where 4 and above is very high)."}},
      {"r_special_category",
       {"%d enregistrement(s) révèlent des données de santé, une catégorie particulière de "
        "données (RGPD, article 9).",
        "%d record(s) reveal health data, a special category of data (GDPR Article 9)."}},
      {"r_nir",
       {"%d enregistrement(s) contiennent un NIR (numéro de sécurité sociale), dont l'usage "
        "est encadré à part en France.",
        "%d record(s) hold a NIR (French social security number), whose use is regulated on "
        "its own in France."}},
      {"r_persons",
       {"Environ %d personne(s) distincte(s) sont concernées.",
        "About %d distinct person(s) are concerned."}},
      {"r_circumstances_not_given",
       {"Les circonstances (qui a pu lire les données, intention malveillante) n'ont pas été "
        "indiquées et comptent pour 0 : si le fichier a été publié ou volé, relancez avec "
        "--confidentiality unknown et --malicious, la gravité augmente.",
        "The circumstances (who may have read the data, malicious intent) were not given and "
        "count as 0: if the file was published or stolen, run again with --confidentiality "
        "unknown and --malicious; the severity rises."}},
      {"exposed", {"Ce qui est exposé", "What is exposed"}},
      {"exposed_chart",
       {"Enregistrements par catégorie de données", "Records by category of data"}},
      {"category", {"Catégorie", "Category"}},
      {"kind", {"Type", "Kind"}},
      {"findings", {"Détections", "Findings"}},
      {"records_col", {"Enregistrements", "Records"}},
      {"persons_col", {"Personnes", "People"}},
      {"health", {"Données de santé (article 9)", "Health data (Article 9)"}},
      {"health_chart",
       {"Enregistrements avec des données de santé, par type",
        "Records with health data, by kind"}},
      {"special_title", {"Catégories à signaler à part", "Categories shown apart"}},
      {"topic", {"Sujet", "Topic"}},
      {"no_health", {"Aucune donnée de santé trouvée.", "No health data found."}},
      {"people", {"Personnes", "People"}},
      {"people_text",
       {"Les personnes sont comptées sans jamais lire leurs valeurs : chaque identifiant est "
        "remplacé par une empreinte à clé (SipHash, clé tirée pour ce rapport puis oubliée), et "
        "les identifiants d'un même enregistrement sont réunis (union-find). Un téléphone, un "
        "e-mail ou un IBAN partagé par plusieurs personnes (deux NIR différents) ne réunit "
        "personne.",
        "People are counted without ever reading their values: each identifier is replaced by "
        "a keyed fingerprint (SipHash, a key drawn for this report and then forgotten), and the "
        "identifiers of one record are joined (union-find). A phone, e-mail or IBAN shared by "
        "several people (two different NIRs) joins no one."}},
      {"identifier", {"Identifiant", "Identifier"}},
      {"distinct", {"Valeurs distinctes", "Distinct values"}},
      {"no_identifier",
       {"%d enregistrement(s) avec des données personnelles n'ont aucun identifiant.",
        "%d record(s) with personal data hold no identifier."}},
      {"columns", {"Colonnes de %s", "Columns of %s"}},
      {"columns_chart",
       {"Part des cellules remplies de chaque colonne où chaque type est trouvé",
        "Share of each column's filled cells in which each kind is found"}},
      {"column", {"Colonne", "Column"}},
      {"fill", {"Remplissage", "Filled"}},
      {"kinds_found", {"Types trouvés (part)", "Kinds found (share)"}},
      {"sample", {"Exemple masqué", "Masked sample"}},
      {"sample_shown", {"Exemple", "Sample"}},
      {"severity_title", {"Gravité", "Severity"}},
      {"severity_text",
       {"Méthode de l'ENISA (2013) : gravité = contexte du traitement (DPC) × facilité "
        "d'identification (EI) + circonstances (CB). Moins de 2 : faible ; de 2 à 3 : moyenne ; "
        "de 3 à 4 : élevée ; 4 et plus : très élevée.",
        "ENISA's method (2013): severity = data processing context (DPC) × ease of "
        "identification (EI) + circumstances of the breach (CB). Below 2: low; 2 to 3: medium; "
        "3 to 4: high; 4 and above: very high."}},
      {"factor", {"Facteur", "Factor"}},
      {"score", {"Valeur", "Score"}},
      {"evidence", {"Ce qui la fixe", "What set it"}},
      {"dpc", {"Contexte du traitement (DPC)", "Data processing context (DPC)"}},
      {"ei", {"Facilité d'identification (EI)", "Ease of identification (EI)"}},
      {"cb", {"Circonstances (CB)", "Circumstances (CB)"}},
      {"total", {"Gravité", "Severity"}},
      {"dpc_sensitive",
       {"Données sensibles : %d enregistrement(s) révèlent la santé.",
        "Sensitive data: %d record(s) reveal health."}},
      {"dpc_financial",
       {"Données financières dans %d enregistrement(s).", "Financial data in %d record(s)."}},
      {"dpc_simple_with_nir",
       {"Données simples, relevées d'un niveau : NIR dans %d enregistrement(s).",
        "Simple data, raised one level: a NIR in %d record(s)."}},
      {"dpc_simple",
       {"Données simples (identité, coordonnées).", "Simple data (identity, contact)."}},
      {"dpc_none", {"Aucune donnée personnelle trouvée.", "No personal data found."}},
      {"ei_maximum",
       {"Maximale : %d enregistrement(s) avec un NIR, un INS, une pièce d'identité ou un nom "
        "avec sa date de naissance.",
        "Maximum: %d record(s) with a NIR, an INS, an identity document or a name with its "
        "date of birth."}},
      {"ei_significant",
       {"Importante : %d enregistrement(s) avec un nom et des coordonnées.",
        "Significant: %d record(s) with a name and contact details."}},
      {"ei_limited",
       {"Limitée : %d enregistrement(s) avec un nom ou des coordonnées seuls.",
        "Limited: %d record(s) with a name or contact details alone."}},
      {"ei_negligible",
       {"Négligeable : ni nom ni identifiant.", "Negligible: no name, no identifier."}},
      {"cb_text",
       {"Confidentialité : %s (%s) ; malveillance : %s (%s). Indiqués par vous "
        "(--confidentiality, --malicious) : vigie ne peut pas les connaître.",
        "Confidentiality: %s (%s); malicious: %s (%s). Given by you (--confidentiality, "
        "--malicious): vigie cannot know them."}},
      {"conf_none", {"non indiquée", "not given"}},
      {"conf_known", {"destinataires connus", "known recipients"}},
      {"conf_unknown",
       {"destinataires inconnus (publiée, volée)", "unknown recipients (published, stolen)"}},
      {"yes", {"oui", "yes"}},
      {"no", {"non", "no"}},
      {"files", {"Fichiers", "Files"}},
      {"file", {"Fichier", "File"}},
      {"layout", {"Forme", "Layout"}},
      {"unit", {"Enregistrement", "Record"}},
      {"errors", {"Erreurs", "Errors"}},
      {"skipped", {"Ignorés", "Skipped"}},
      {"method", {"Comment lire ce rapport", "How to read this report"}},
      {"method_text",
       {"Un enregistrement est une ligne d'un fichier délimité (CSV), un objet JSON (une ligne "
        "de JSON Lines, un élément d'une liste), ou un paragraphe de texte ; dans un texte, un "
        "paragraphe sans identifiant est rattaché à "
        "la personne du paragraphe précédent. Les valeurs ne sont jamais affichées : les exemples "
        "sont masqués (--show-values les montre). Les détections sous le seuil (--min-score) ne "
        "sont pas comptées.",
        "A record is a row of a delimited file (CSV), a JSON object (a line of JSON Lines, an "
        "item of a list), or a paragraph of text; in text, a paragraph without an identifier "
        "belongs to the person of the paragraph "
        "before it. Values are never shown: samples are masked (--show-values shows them). "
        "Findings below the threshold (--min-score) are not counted."}},
      {"level_none", {"aucune", "none"}},
      {"level_low", {"faible", "low"}},
      {"level_medium", {"moyenne", "medium"}},
      {"level_high", {"élevée", "high"}},
      {"level_very_high", {"très élevée", "very high"}},
      {"cat_identity", {"Identité", "Identity"}},
      {"cat_contact", {"Coordonnées", "Contact"}},
      {"cat_financial", {"Financier", "Financial"}},
      {"cat_health", {"Santé", "Health"}},
      {"topic_hiv", {"VIH", "HIV"}},
      {"topic_sexual_health", {"Santé sexuelle (IST, VIH)", "Sexual health (STIs, HIV)"}},
      {"topic_pregnancy", {"Grossesse", "Pregnancy"}},
      {"topic_mental_health", {"Santé mentale", "Mental health"}},
      {"topic_disability", {"Handicap", "Disability"}},
      {"topic_nir", {"NIR (sécurité sociale)", "NIR (social security number)"}},
      {"unit_row", {"ligne (CSV)", "row (CSV)"}},
      {"unit_line", {"ligne JSON", "JSON line"}},
      {"unit_paragraph", {"paragraphe", "paragraph"}},
      {"layout_delimited", {"délimité", "delimited"}},
      {"layout_json", {"JSON", "JSON"}},
      {"layout_text", {"texte", "text"}},
      {"none", {"aucun", "none"}},
      {"more_files",
       {"Et %d autre(s) fichier(s), dans le rapport JSON (--format json).",
        "And %d more file(s), in the JSON report (--format json)."}},
  };
  return *words;
}

// Human names of the built-in kinds.
const std::map<std::string_view, Words>& KindNames() {
  static const auto* names = new std::map<std::string_view, Words>{
      {"FR_NIR", {"NIR (n° de sécurité sociale)", "NIR (social security number)"}},
      {"FR_INS", {"INS (identité de santé)", "INS (health identity)"}},
      {"PERSON", {"Nom", "Name"}},
      {"DATE_OF_BIRTH", {"Date de naissance", "Date of birth"}},
      {"FR_CNI", {"Carte d'identité", "Identity card"}},
      {"FR_PASSPORT", {"Passeport", "Passport"}},
      {"FR_NIF", {"Numéro fiscal", "Tax number"}},
      {"EMAIL_ADDRESS", {"E-mail", "E-mail"}},
      {"PHONE_NUMBER", {"Téléphone", "Phone"}},
      {"FR_POSTAL_ADDRESS", {"Adresse postale", "Postal address"}},
      {"IBAN_CODE", {"IBAN", "IBAN"}},
      {"CREDIT_CARD", {"Carte bancaire", "Payment card"}},
      {"HEALTH_CONDITION", {"Pathologie", "Condition"}},
      {"HEALTH_DRUG", {"Médicament", "Drug"}},
      {"HEALTH_PROCEDURE", {"Acte, examen", "Procedure"}},
      {"HEALTH_LAB_TEST", {"Analyse biologique", "Lab test"}},
      {"HEALTH_BLOOD_GROUP", {"Groupe sanguin", "Blood group"}},
      {"HEALTH_PREGNANCY", {"Grossesse", "Pregnancy"}},
      {"HEALTH_SEXUAL", {"Santé sexuelle", "Sexual health"}},
      {"HEALTH_PROVIDER", {"Soignant, établissement", "Care provider"}},
      {"HEALTH_INSURANCE", {"Mutuelle, assurance", "Health insurer"}},
      {"NAME_AND_BIRTH_DATE", {"Nom et date de naissance", "Name and date of birth"}},
  };
  return *names;
}

class Text {
 public:
  explicit Text(std::string_view lang) : en_(lang == "en") {}
  std::string operator()(std::string_view key) const {
    auto it = Dictionary().find(key);
    if (it == Dictionary().end()) return std::string(key);
    return std::string(en_ ? it->second.en : it->second.fr);
  }
  std::string Kind(const std::string& kind) const {
    auto it = KindNames().find(kind);
    if (it == KindNames().end()) return kind;
    return std::string(en_ ? it->second.en : it->second.fr);
  }
  std::string Number(uint64_t n) const {
    // Thousands separated: a narrow no-break space in French, a comma in English.
    std::string digits = std::to_string(n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += en_ ? "," : "\u202f";
      out.push_back(digits[i]);
    }
    return out;
  }
  std::string Decimal(double x, int places) const {
    std::string s = absl::StrFormat("%.*f", places, x);
    if (!en_) std::replace(s.begin(), s.end(), '.', ',');
    return s;
  }
  std::string Percent(double share) const {
    return Decimal(share * 100.0, share * 100.0 < 10 && share > 0 ? 1 : 0) +
           (en_ ? "%" : "\u202f%");
  }
  std::string Bytes(uint64_t bytes) const {
    double mb = static_cast<double>(bytes) / 1e6;
    if (mb >= 1) return Decimal(mb, 1) + (en_ ? " MB" : "\u202fMo");
    return Decimal(static_cast<double>(bytes) / 1e3, 1) + (en_ ? " kB" : "\u202fko");
  }
  bool en() const { return en_; }

 private:
  bool en_;
};

// printf-style formatting of a dictionary entry.
template <typename... Args>
std::string Say(const Text& t, std::string_view key, const Args&... args) {
  std::string pattern = t(key);
  std::string out;
  if (!absl::FormatUntyped(&out, absl::UntypedFormatSpec(pattern), {absl::FormatArg(args)...})) {
    return pattern;
  }
  return out;
}

// A reason, a factor's evidence: one sentence from its code and numbers.
std::string ReasonText(const Text& t, const json& r) {
  std::string code = r.value("code", "");
  if (code == "severity") {
    return Say(t, "r_severity", t("level_" + r["level"].get<std::string>()),
               t.Decimal(r["score"].get<double>(), 2));
  }
  if (code == "special_category") return Say(t, "r_special_category", r["records"].get<uint64_t>());
  if (code == "nir") return Say(t, "r_nir", r["records"].get<uint64_t>());
  if (code == "persons") return Say(t, "r_persons", r["persons"].get<uint64_t>());
  return t("r_" + code);
}

std::string FactorText(const Text& t, const json& severity, std::string_view factor) {
  const json& f = severity[std::string(factor)];
  if (factor == "cb") {
    std::string conf = f["confidentiality"];
    return Say(t, "cb_text", t("conf_" + conf),
               t.Decimal(f["confidentiality_score"].get<double>(), 2),
               t(f["malicious"].get<bool>() ? "yes" : "no"),
               t.Decimal(f["malicious_score"].get<double>(), 2));
  }
  std::string key = std::string(factor) + "_" + f["basis"].get<std::string>();
  const json& e = f["evidence"];
  if (e.empty()) return t(key);
  return Say(t, key, e.begin()->get<uint64_t>());
}

// ---------------------------------------------------------------------------
// HTML.

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

constexpr std::string_view kStyle = R"(
:root{color-scheme:light;--ink:#1b1f24;--muted:#59636e;--line:#d0d7de;--accent:#0b5cad;--bad:#b42318;--warn:#b54708;--ok:#067647;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
main{max-width:62rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.meta{color:var(--muted);font-size:.9rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.75rem;margin:1rem 0}
.card{border:1px solid var(--line);border-radius:.5rem;padding:.75rem;background:var(--bg)}
.card .n{font-size:1.8rem;font-weight:700;line-height:1.2}
.card .l{color:var(--muted);font-size:.9rem}
.level-very_high .n,.level-high .n{color:var(--bad)}
.level-medium .n{color:var(--warn)}
.level-low .n,.level-none .n{color:var(--ok)}
.todo{border-left:.35rem solid var(--bad);background:#fef3f2;padding:.75rem 1rem;border-radius:.25rem}
.todo.calm{border-color:var(--ok);background:#ecfdf3}
.todo li{margin:.25rem 0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin:.5rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;color:var(--muted);font-size:.9rem;padding:.25rem 0}
.pair{display:grid;grid-template-columns:1fr;gap:1rem;align-items:start}
@media(min-width:48rem){.pair{grid-template-columns:1fr 1fr}}
svg{max-width:100%;height:auto}
svg text{font:12px system-ui,sans-serif;fill:#1b1f24}
code{font-size:.9em}
@media print{main{max-width:none}.scroll{overflow:visible}section{break-inside:avoid}.todo{border:1px solid #000}}
)";

// A horizontal bar chart: one bar per row, its value at its end.
std::string BarChart(const std::string& id, const std::string& title,
                     const std::vector<std::pair<std::string, uint64_t>>& rows, const Text& t) {
  const int label_width = 190;
  const int bar_width = 260;
  const int row_height = 26;
  int height = static_cast<int>(rows.size()) * row_height + 8;
  uint64_t max = 1;
  for (const auto& row : rows) max = std::max(max, row.second);
  std::string svg = absl::StrFormat(
      R"x(<svg id="%s" class="chart" role="img" aria-labelledby="%s-title" viewBox="0 0 %d %d" width="%d" height="%d" xmlns="http://www.w3.org/2000/svg"><title id="%s-title">%s</title>)x",
      id, id, label_width + bar_width + 70, height, label_width + bar_width + 70, height, id,
      Escape(title));
  int y = 4;
  for (const auto& [label, value] : rows) {
    double w =
        static_cast<double>(bar_width) * static_cast<double>(value) / static_cast<double>(max);
    svg += absl::StrFormat(
        R"x(<g class="bar"><text x="%d" y="%d" text-anchor="end">%s</text><rect x="%d" y="%d" width="%.1f" height="%d" rx="2" fill="#0b5cad"/><text x="%.1f" y="%d">%s</text></g>)x",
        label_width - 6, y + 17, Escape(label), label_width, y + 3, std::max(w, 1.0),
        row_height - 8, label_width + std::max(w, 1.0) + 4, y + 17, t.Number(value));
    y += row_height;
  }
  return svg + "</svg>";
}

// A heat map: a cell per column (x) and kind (y), darker for a larger
// share of the column's filled cells.
std::string HeatMap(const std::string& id, const std::string& title, const json& columns,
                    const std::vector<std::string>& kinds, const Text& t) {
  // Room for the longest kind's name (about 6.6 pixels a character at 12
  // pixels, counted in code points).
  size_t longest = 0;
  for (const std::string& kind : kinds) {
    std::string name = t.Kind(kind);
    longest = std::max<size_t>(
        longest, static_cast<size_t>(std::count_if(name.begin(), name.end(), [](char c) {
          return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        })));
  }
  const int left = std::clamp(static_cast<int>(static_cast<double>(longest) * 6.6) + 16, 120, 280);
  const int top = 110;
  const int cell = 30;
  int width = left + static_cast<int>(columns.size()) * cell + 70;  // the last name leans right
  int height = top + static_cast<int>(kinds.size()) * cell + 10;
  std::string svg = absl::StrFormat(
      R"x(<svg id="%s" class="chart heatmap" role="img" aria-labelledby="%s-title" viewBox="0 0 %d %d" width="%d" height="%d" xmlns="http://www.w3.org/2000/svg"><title id="%s-title">%s</title>)x",
      id, id, width, height, width, height, id, Escape(title));
  for (size_t c = 0; c < columns.size(); ++c) {
    std::string name = columns[c]["name"].get<std::string>();
    if (name.empty()) name = "#" + std::to_string(c + 1);
    if (name.size() > 18) name = name.substr(0, 17) + "…";
    int x = left + static_cast<int>(c) * cell + cell / 2;
    svg += absl::StrFormat(R"x(<text x="%d" y="%d" transform="rotate(-60 %d %d)">%s</text>)x", x,
                           top - 6, x, top - 6, Escape(name));
  }
  for (size_t k = 0; k < kinds.size(); ++k) {
    int y = top + static_cast<int>(k) * cell;
    svg += absl::StrFormat(R"x(<text x="%d" y="%d" text-anchor="end">%s</text>)x", left - 6,
                           y + cell / 2 + 4, Escape(t.Kind(kinds[k])));
    for (size_t c = 0; c < columns.size(); ++c) {
      double share = 0;
      for (const json& in : columns[c]["kinds"]) {
        if (in["kind"] == kinds[k]) share = in["share"].get<double>();
      }
      int x = left + static_cast<int>(c) * cell;
      svg += absl::StrFormat(
          R"x(<rect class="cell" x="%d" y="%d" width="%d" height="%d" fill="#0b5cad" fill-opacity="%.2f" stroke="#d0d7de"><title>%s</title></rect>)x",
          x, y, cell, cell, share > 0 ? 0.1 + 0.9 * share : 0.0,
          Escape(t.Kind(kinds[k]) + " × " + columns[c]["name"].get<std::string>() + ": " +
                 t.Percent(share)));
    }
  }
  return svg + "</svg>";
}

std::string Card(const std::string& number, std::string_view label, const std::string& note,
                 const std::string& extra_class = "") {
  return absl::StrFormat(
      R"x(<div class="card %s"><div class="n">%s</div><div class="l">%s</div>%s</div>)x",
      extra_class, Escape(number), Escape(label),
      note.empty() ? "" : R"x(<div class="l">)x" + Escape(note) + "</div>");
}

std::string Th(std::string_view s, bool num = false) {
  return std::string(num ? R"x(<th scope="col" class="num">)x" : R"x(<th scope="col">)x") +
         Escape(s) + "</th>";
}
std::string Td(const std::string& s, bool num = false) {
  return std::string(num ? R"x(<td class="num">)x" : "<td>") + Escape(s) + "</td>";
}

std::string StyleHash() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(kStyle.data(), kStyle.size(), digest, &length, EVP_sha256(), nullptr);
  return absl::Base64Escape(
      absl::string_view(reinterpret_cast<const char*>(digest), static_cast<size_t>(length)));
}

}  // namespace

// Pieces shared by both formats: the key figures.
namespace {

struct Figures {
  uint64_t persons;
  bool exact;
  uint64_t lower;
  uint64_t upper;
  uint64_t records;
  uint64_t records_with_findings;
  uint64_t health_records;
  uint64_t health_persons;
  std::string level;
  double score;
  bool notify;
  bool inform;
};

Figures FiguresOf(const json& a) {
  const json& persons = a["people"]["persons"];
  return {persons["count"].get<uint64_t>(),
          persons["exact"].get<bool>(),
          persons.value("lower_bound", uint64_t{0}),
          persons.value("upper_bound", uint64_t{0}),
          a["inputs"]["records"].get<uint64_t>(),
          a["inputs"]["records_with_findings"].get<uint64_t>(),
          a["special"]["health"]["records"].get<uint64_t>(),
          a["special"]["health"]["persons"].get<uint64_t>(),
          a["severity"]["level"].get<std::string>(),
          a["severity"]["score"].get<double>(),
          a["recommendation"]["notify_authority"].get<bool>(),
          a["recommendation"]["inform_people"].get<bool>()};
}

std::string UnitsText(const Text& t, const json& units) {
  std::string out;
  for (const auto& [unit, n] : units.items()) {
    if (!out.empty()) out += ", ";
    out += t.Number(n.get<uint64_t>()) + " × " + t("unit_" + unit);
  }
  return out.empty() ? t("none") : out;
}

std::string PersonsNote(const Text& t, const Figures& f) {
  if (f.exact) return t("persons_exact");
  if (f.lower == 0) return Say(t, "persons_estimate_upper", t.Number(f.upper));
  return Say(t, "persons_estimate", t.Number(f.lower), t.Number(f.upper));
}

std::vector<std::string> TodoLines(const Text& t, const Figures& f) {
  std::vector<std::string> lines;
  lines.emplace_back(t(f.notify ? "notify" : "no_notify"));
  lines.emplace_back(t(f.inform ? "inform" : "no_inform"));
  lines.emplace_back(t("document"));
  return lines;
}

// The health kinds, and the categories, as chart rows.
std::vector<std::pair<std::string, uint64_t>> CategoryRows(const Text& t, const json& a) {
  std::vector<std::pair<std::string, uint64_t>> rows;
  for (const json& c : a["categories"]) {
    rows.emplace_back(t("cat_" + c["category"].get<std::string>()), c["records"].get<uint64_t>());
  }
  return rows;
}

const json* HealthCategory(const json& a) {
  for (const json& c : a["categories"]) {
    if (c["category"] == "health") return &c;
  }
  return nullptr;
}

std::vector<std::pair<std::string, uint64_t>> HealthRows(const Text& t, const json& a) {
  std::vector<std::pair<std::string, uint64_t>> rows;
  if (const json* h = HealthCategory(a)) {
    for (const json& k : (*h)["kinds"]) {
      rows.emplace_back(t.Kind(k["kind"].get<std::string>()), k["records"].get<uint64_t>());
    }
  }
  return rows;
}

// The kinds found in a file's columns, most frequent first.
std::vector<std::string> ColumnKinds(const json& file) {
  std::map<std::string, uint64_t> records;
  for (const json& column : file["columns"]) {
    for (const json& in : column["kinds"]) records[in["kind"]] += in["records"].get<uint64_t>();
  }
  std::vector<std::string> kinds;
  kinds.reserve(records.size());
  for (const auto& [kind, n] : records) kinds.push_back(kind);
  std::stable_sort(kinds.begin(), kinds.end(), [&](const std::string& x, const std::string& y) {
    return records[x] > records[y];
  });
  return kinds;
}

// Files shown in the pages (the JSON holds them all): the files table
// lists kShownFiles, the columns of kShownColumnFiles delimited files are
// drawn; those with the most findings, in input order among equals.
constexpr size_t kShownFiles = 200;
constexpr size_t kShownColumnFiles = 20;

// Indices into the assessment's files, at most `n`.
std::vector<size_t> TopFiles(const json& a, size_t n, bool with_columns) {
  std::vector<size_t> picked;
  const json& files = a["files"];
  for (size_t i = 0; i < files.size(); ++i) {
    if (!with_columns || (files[i].contains("columns") && !files[i]["columns"].empty())) {
      picked.push_back(i);
    }
  }
  std::stable_sort(picked.begin(), picked.end(), [&](size_t x, size_t y) {
    return files[x]["findings"].get<uint64_t>() > files[y]["findings"].get<uint64_t>();
  });
  if (picked.size() > n) picked.resize(n);
  std::sort(picked.begin(), picked.end());
  return picked;
}

std::string KindsInColumn(const Text& t, const json& column) {
  std::string out;
  for (const json& in : column["kinds"]) {
    if (!out.empty()) out += ", ";
    out +=
        t.Kind(in["kind"].get<std::string>()) + " (" + t.Percent(in["share"].get<double>()) + ")";
  }
  return out;
}

}  // namespace

std::string RenderHtml(const json& a, std::string_view lang) {
  Text t(lang);
  Figures f = FiguresOf(a);
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"" + std::string(t.en() ? "en" : "fr") + "\">\n<head>\n";
  h += "<meta charset=\"utf-8\">\n";
  // Nothing may be fetched: no script, font, image, frame or connection;
  // the one style block is allowed by its hash.
  h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
       "'sha256-" +
       StyleHash() + "'; base-uri 'none'; form-action 'none'\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  h += "<title>" + Escape(t("title")) + "</title>\n";
  h += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n";
  h += "<h1>" + Escape(t("title")) + "</h1>\n";
  const json& in = a["inputs"];
  h += "<p class=\"meta\">" +
       Escape(Say(t, "generated", a["vigie_version"].get<std::string>(),
                  a["generated_at"].get<std::string>())) +
       " — " +
       Escape(Say(t, "inputs_line", in["files"].get<uint64_t>(),
                  t.Bytes(in["bytes"].get<uint64_t>()), t.Decimal(in["seconds"].get<double>(), 2),
                  in["records"].get<uint64_t>(), UnitsText(t, in["record_units"]))) +
       "</p>\n";

  // Key figures.
  h += "<section id=\"figures\" class=\"cards\">";
  h += Card(t.Number(f.persons), t("persons"), PersonsNote(t, f));
  h += Card(t.Number(f.records_with_findings), t("records"),
            t("records_with_findings") + " / " + t.Number(f.records));
  h += Card(t.Number(f.health_records), t("health_records"),
            Say(t, "health_persons", f.health_persons));
  h += Card(t("level_" + f.level), t("severity"), t.Decimal(f.score, 2), "level-" + f.level);
  h += "</section>\n";

  // What to do.
  h += "<section id=\"todo\"><h2>" + Escape(t("todo")) + "</h2>";
  h += std::string("<div class=\"todo") + (f.notify ? "" : " calm") + "\"><ul>";
  for (const std::string& line : TodoLines(t, f)) h += "<li>" + Escape(line) + "</li>";
  h += "</ul><p><strong>" + Escape(t("why")) + "</strong></p><ul>";
  for (const json& r : a["recommendation"]["reasons"])
    h += "<li>" + Escape(ReasonText(t, r)) + "</li>";
  h += "</ul></div></section>\n";

  // What is exposed.
  h += "<section id=\"exposed\"><h2>" + Escape(t("exposed")) + "</h2><div>";
  h += BarChart("chart-categories", t("exposed_chart"), CategoryRows(t, a), t);
  h += "<div class=\"scroll\"><table id=\"table-categories\"><caption>" +
       Escape(t("exposed_chart")) + "</caption><thead><tr>" + Th(t("category")) + Th(t("kind")) +
       Th(t("findings"), true) + Th(t("records_col"), true) + Th(t("persons_col"), true) +
       "</tr></thead><tbody>";
  for (const json& c : a["categories"]) {
    std::string cat(t("cat_" + c["category"].get<std::string>()));
    h += "<tr class=\"category\"><th scope=\"row\">" + Escape(cat) + "</th><td></td>" +
         Td(t.Number(c["findings"]), true) + Td(t.Number(c["records"]), true) +
         Td(t.Number(c["persons"]), true) + "</tr>";
    for (const json& k : c["kinds"]) {
      h += "<tr><td></td>" + Td(t.Kind(k["kind"])) + Td(t.Number(k["findings"]), true) +
           Td(t.Number(k["records"]), true) + Td(t.Number(k["persons"]), true) + "</tr>";
    }
  }
  h += "</tbody></table></div></div></section>\n";

  // Health.
  h += "<section id=\"health\"><h2>" + Escape(t("health")) + "</h2>";
  auto health_rows = HealthRows(t, a);
  if (health_rows.empty()) {
    h += "<p>" + Escape(t("no_health")) + "</p>";
  } else {
    h += "<div class=\"pair\">" + BarChart("chart-health", t("health_chart"), health_rows, t);
    h += "<div class=\"scroll\"><table id=\"table-health\"><caption>" + Escape(t("health_chart")) +
         "</caption><thead><tr>" + Th(t("kind")) + Th(t("records_col"), true) +
         "</tr></thead><tbody>";
    for (const auto& [label, n] : health_rows)
      h += "<tr>" + Td(label) + Td(t.Number(n), true) + "</tr>";
    h += "</tbody></table></div></div>";
  }
  h += "<h3>" + Escape(t("special_title")) +
       "</h3><div class=\"scroll\"><table id=\"table-special\"><thead><tr>" + Th(t("topic")) +
       Th(t("records_col"), true) + Th(t("persons_col"), true) + "</tr></thead><tbody>";
  for (const json& topic : a["special"]["topics"]) {
    h += "<tr>" + Td(t("topic_" + topic["topic"].get<std::string>())) +
         Td(t.Number(topic["records"]), true) + Td(t.Number(topic["persons"]), true) + "</tr>";
  }
  const json& nir = a["special"]["nir"];
  h += "<tr>" + Td(t("topic_nir")) + Td(t.Number(nir["records"]), true) +
       Td(t.Number(nir["persons"]), true) + "</tr>";
  h += "</tbody></table></div></section>\n";

  // People.
  const json& people = a["people"];
  h += "<section id=\"people\"><h2>" + Escape(t("people")) + "</h2><p>" + Escape(t("people_text")) +
       "</p>";
  h += "<div class=\"scroll\"><table id=\"table-identifiers\"><thead><tr>" + Th(t("identifier")) +
       Th(t("distinct"), true) + "</tr></thead><tbody>";
  for (const json& id : people["identifiers"]) {
    h += "<tr>" + Td(t.Kind(id["kind"])) + Td(t.Number(id["distinct"]), true) + "</tr>";
  }
  h += "<tr><th scope=\"row\">" + Escape(t("persons")) + "</th>" +
       Td(t.Number(f.persons) + " (" + PersonsNote(t, f) + ")", true) + "</tr>";
  h += "</tbody></table></div><p>" +
       Escape(Say(t, "no_identifier", people["records_without_identifier"].get<uint64_t>())) +
       "</p></section>\n";

  // Columns of each delimited file.
  for (size_t index : TopFiles(a, kShownColumnFiles, true)) {
    const json& file = a["files"][index];
    size_t file_index = index + 1;
    std::vector<std::string> kinds = ColumnKinds(file);
    std::string path = file["path"];
    h += "<section class=\"columns\"><h2>" + Escape(Say(t, "columns", path)) + "</h2>";
    if (!kinds.empty()) {
      h += "<div class=\"scroll\">" +
           HeatMap("heatmap-" + std::to_string(file_index), t("columns_chart"), file["columns"],
                   kinds, t) +
           "</div>";
    }
    bool shown = a["values_shown"].get<bool>();
    h += "<div class=\"scroll\"><table class=\"table-columns\"><caption>" +
         Escape(t("columns_chart")) + "</caption><thead><tr>" + Th(t("column")) +
         Th(t("fill"), true) + Th(t("kinds_found")) + Th(t(shown ? "sample_shown" : "sample")) +
         "</tr></thead><tbody>";
    for (const json& column : file["columns"]) {
      std::string name = column["name"];
      if (name.empty()) name = "#" + std::to_string(column["index"].get<uint64_t>() + 1);
      h += "<tr>" + Td(name) + Td(t.Percent(column["fill_rate"].get<double>()), true) +
           Td(KindsInColumn(t, column)) + Td(column.value("sample", "")) + "</tr>";
    }
    h += "</tbody></table></div></section>\n";
  }

  // Severity.
  const json& sev = a["severity"];
  h += "<section id=\"severity\"><h2>" + Escape(t("severity_title")) + "</h2><p>" +
       Escape(t("severity_text")) + "</p>";
  h += "<div class=\"scroll\"><table id=\"table-severity\"><thead><tr>" + Th(t("factor")) +
       Th(t("score"), true) + Th(t("evidence")) + "</tr></thead><tbody>";
  for (std::string_view factor : {"dpc", "ei", "cb"}) {
    h += "<tr>" + Td(t(factor)) +
         Td(t.Decimal(sev[std::string(factor)]["score"].get<double>(), 2), true) +
         Td(FactorText(t, sev, factor)) + "</tr>";
  }
  h += "<tr><th scope=\"row\">" + Escape(t("total")) + "</th>" + Td(t.Decimal(f.score, 2), true) +
       Td(t("level_" + f.level)) + "</tr>";
  h += "</tbody></table></div></section>\n";

  // Files.
  h += "<section id=\"files\"><h2>" + Escape(t("files")) +
       "</h2><div class=\"scroll\"><table id=\"table-files\"><thead><tr>" + Th(t("file")) +
       Th(t("layout")) + Th(t("records_col"), true) + Th(t("findings"), true) +
       Th(t("health_records"), true) + "</tr></thead><tbody>";
  for (size_t index : TopFiles(a, kShownFiles, false)) {
    const json& file = a["files"][index];
    h += "<tr>" + Td(file["path"]) + Td(t("layout_" + file["layout"].get<std::string>())) +
         Td(t.Number(file["records"]) + " × " + t("unit_" + file["record_unit"].get<std::string>()),
            true) +
         Td(t.Number(file["findings"]), true) +
         Td(t.Number(file["records_revealing_health"]), true) + "</tr>";
  }
  h += "</tbody></table></div>";
  if (a["files"].size() > kShownFiles) {
    h += "<p>" + Escape(Say(t, "more_files", a["files"].size() - kShownFiles)) + "</p>";
  }
  for (std::string_view list : {"errors", "skipped"}) {
    const json& items = in[std::string(list)];
    if (items.empty()) continue;
    h += "<h3>" + Escape(t(list)) + "</h3><ul>";
    for (const json& e : items) {
      h += "<li><code>" + Escape(e["path"].get<std::string>()) + "</code>: " +
           Escape(e.contains("message") ? e["message"].get<std::string>()
                                        : e["reason"].get<std::string>()) +
           "</li>";
    }
    h += "</ul>";
  }
  h += "</section>\n";

  h += "<section id=\"method\"><h2>" + Escape(t("method")) + "</h2><p>" + Escape(t("method_text")) +
       "</p></section>\n";
  h += "</main>\n</body>\n</html>\n";
  return h;
}

// ---------------------------------------------------------------------------
// Markdown.

namespace {

// A table cell: pipes and line breaks would end it.
std::string Cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const std::string& c : cells) out += " " + Cell(c) + " |";
  return out + "\n";
}

std::string Rule(const std::vector<bool>& numeric) {
  std::string out = "|";
  for (bool n : numeric) out += n ? " ---: |" : " --- |";
  return out + "\n";
}

}  // namespace

std::string RenderMarkdown(const json& a, std::string_view lang) {
  Text t(lang);
  Figures f = FiguresOf(a);
  const json& in = a["inputs"];
  std::string m = "# " + t("title") + "\n\n";
  m += Say(t, "generated", a["vigie_version"].get<std::string>(),
           a["generated_at"].get<std::string>()) +
       ". " +
       Say(t, "inputs_line", in["files"].get<uint64_t>(), t.Bytes(in["bytes"].get<uint64_t>()),
           t.Decimal(in["seconds"].get<double>(), 2), in["records"].get<uint64_t>(),
           UnitsText(t, in["record_units"])) +
       "\n\n";
  m += "- **" + t("persons") + "**: " + t.Number(f.persons) + " (" + PersonsNote(t, f) + ")\n";
  m += "- **" + t("records") + "**: " + t.Number(f.records_with_findings) + " " +
       t("records_with_findings") + " / " + t.Number(f.records) + "\n";
  m += "- **" + t("health_records") + "**: " + t.Number(f.health_records) + " (" +
       Say(t, "health_persons", f.health_persons) + ")\n";
  m += "- **" + t("severity") + "**: " + t("level_" + f.level) + " (" + t.Decimal(f.score, 2) +
       ")\n\n";
  m += "## " + t("todo") + "\n\n";
  for (const std::string& line : TodoLines(t, f)) m += "- " + line + "\n";
  m += "\n**" + t("why") + "**\n\n";
  for (const json& r : a["recommendation"]["reasons"]) m += "- " + ReasonText(t, r) + "\n";

  m += "\n## " + t("exposed") + "\n\n";
  m += Row({t("category"), t("kind"), t("findings"), t("records_col"), t("persons_col")});
  m += Rule({false, false, true, true, true});
  for (const json& c : a["categories"]) {
    m += Row({"**" + t("cat_" + c["category"].get<std::string>()) + "**", "",
              t.Number(c["findings"]), t.Number(c["records"]), t.Number(c["persons"])});
    for (const json& k : c["kinds"]) {
      m += Row({"", t.Kind(k["kind"]), t.Number(k["findings"]), t.Number(k["records"]),
                t.Number(k["persons"])});
    }
  }
  m += "\n## " + t("health") + "\n\n";
  auto health_rows = HealthRows(t, a);
  if (health_rows.empty()) {
    m += t("no_health") + "\n\n";
  } else {
    m += Row({t("kind"), t("records_col")}) + Rule({false, true});
    for (const auto& [label, n] : health_rows) m += Row({label, t.Number(n)});
    m += "\n";
  }
  m += "### " + t("special_title") + "\n\n";
  m += Row({t("topic"), t("records_col"), t("persons_col")}) + Rule({false, true, true});
  for (const json& topic : a["special"]["topics"]) {
    m += Row({t("topic_" + topic["topic"].get<std::string>()), t.Number(topic["records"]),
              t.Number(topic["persons"])});
  }
  m += Row({t("topic_nir"), t.Number(a["special"]["nir"]["records"]),
            t.Number(a["special"]["nir"]["persons"])});

  m += "\n## " + t("people") + "\n\n" + t("people_text") + "\n\n";
  m += Row({t("identifier"), t("distinct")}) + Rule({false, true});
  for (const json& id : a["people"]["identifiers"])
    m += Row({t.Kind(id["kind"]), t.Number(id["distinct"])});
  m += Row({"**" + t("persons") + "**", t.Number(f.persons) + " (" + PersonsNote(t, f) + ")"});
  m += "\n" + Say(t, "no_identifier", a["people"]["records_without_identifier"].get<uint64_t>()) +
       "\n";

  bool shown = a["values_shown"].get<bool>();
  for (size_t index : TopFiles(a, kShownColumnFiles, true)) {
    const json& file = a["files"][index];
    m += "\n## " + Say(t, "columns", file["path"].get<std::string>()) + "\n\n";
    m += Row({t("column"), t("fill"), t("kinds_found"), t(shown ? "sample_shown" : "sample")}) +
         Rule({false, true, false, false});
    for (const json& column : file["columns"]) {
      std::string name = column["name"];
      if (name.empty()) name = "#" + std::to_string(column["index"].get<uint64_t>() + 1);
      std::string sample = column.value("sample", "");
      m += Row({name, t.Percent(column["fill_rate"].get<double>()), KindsInColumn(t, column),
                sample.empty() ? "" : "`" + sample + "`"});
    }
  }

  const json& sev = a["severity"];
  m += "\n## " + t("severity_title") + "\n\n" + t("severity_text") + "\n\n";
  m += Row({t("factor"), t("score"), t("evidence")}) + Rule({false, true, false});
  for (std::string_view factor : {"dpc", "ei", "cb"}) {
    m += Row({t(factor), t.Decimal(sev[std::string(factor)]["score"].get<double>(), 2),
              FactorText(t, sev, factor)});
  }
  m += Row({"**" + t("total") + "**", t.Decimal(f.score, 2), t("level_" + f.level)});

  m += "\n## " + t("files") + "\n\n";
  m += Row({t("file"), t("layout"), t("records_col"), t("findings"), t("health_records")}) +
       Rule({false, false, true, true, true});
  for (size_t index : TopFiles(a, kShownFiles, false)) {
    const json& file = a["files"][index];
    m += Row(
        {"`" + file["path"].get<std::string>() + "`",
         t("layout_" + file["layout"].get<std::string>()),
         t.Number(file["records"]) + " × " + t("unit_" + file["record_unit"].get<std::string>()),
         t.Number(file["findings"]), t.Number(file["records_revealing_health"])});
  }
  if (a["files"].size() > kShownFiles) {
    m += "\n" + Say(t, "more_files", a["files"].size() - kShownFiles) + "\n";
  }
  for (std::string_view list : {"errors", "skipped"}) {
    const json& items = in[std::string(list)];
    if (items.empty()) continue;
    m += "\n### " + t(list) + "\n\n";
    for (const json& e : items) {
      m += "- `" + e["path"].get<std::string>() + "`: " +
           (e.contains("message") ? e["message"].get<std::string>()
                                  : e["reason"].get<std::string>()) +
           "\n";
    }
  }
  m += "\n## " + t("method") + "\n\n" + t("method_text") + "\n";
  return m;
}

}  // namespace vigie::cli
