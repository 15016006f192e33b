// `vigie validate`: the public validators from the command line, one JSON
// object per value, for scripts and for comparing vigie with other tools.
#include "validate_command.h"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "vigie/address.h"
#include "vigie/person.h"
#include "vigie/validate.h"

namespace vigie::cli {
namespace {

using nlohmann::json;
using Validator = std::function<json(const std::string&)>;

json Base(const Validation& v) {
  json j = {{"valid", v.valid}, {"normalized", v.normalized}};
  if (!v.valid) j["reason"] = v.reason;
  return j;
}

template <typename Fn>
Validator Plain(Fn fn) {
  return [fn](const std::string& s) { return Base(fn(s)); };
}

const std::map<std::string, Validator>& Validators() {
  static const std::map<std::string, Validator> validators = {
      {"nir",
       [](const std::string& s) {
         NirValidation v = ValidateNir(s);
         json j = Base(v);
         static const char* kForms[] = {"permanent", "temporary", "nnp", "migrant"};
         if (v.valid) {
           j["form"] = kForms[static_cast<int>(v.form)];
           j["sex"] = v.sex;
           if (v.birth_year >= 0) j["birth_year"] = v.birth_year;
           j["birth_month"] = v.birth_month;
           j["department"] = v.department;
           j["commune"] = v.commune;
           if (!v.country.empty()) j["country"] = v.country;
         }
         return j;
       }},
      {"phone",
       [](const std::string& s) {
         PhoneValidation v = ValidatePhone(s);
         json j = Base(v);
         if (v.valid) {
           j["e164"] = v.e164;
           j["territory"] = v.territory;
           j["type"] = v.type;
         }
         return j;
       }},
      {"iban",
       [](const std::string& s) {
         IbanValidation v = ValidateIban(s);
         json j = Base(v);
         j["country"] = v.country;
         j["rib_key_checked"] = v.rib_key_checked;
         return j;
       }},
      {"card",
       [](const std::string& s) {
         CardValidation v = ValidateCard(s);
         json j = Base(v);
         if (!v.brand.empty()) j["brand"] = v.brand;
         return j;
       }},
      {"date", Plain([](const std::string& s) { return ValidateDate(s); })},
      {"email", Plain(ValidateEmail)},
      {"siren", Plain(ValidateSiren)},
      {"siret", Plain(ValidateSiret)},
      {"tva", Plain(ValidateTvaFr)},
      {"nif", Plain(ValidateNifFr)},
      {"rpps", Plain(ValidateRpps)},
      {"adeli", Plain(ValidateAdeli)},
      {"finess", Plain(ValidateFiness)},
      {"cip13", Plain(ValidateCip13)},
      {"cni", Plain([](const std::string& s) { return ValidateCni(s); })},
      {"passport", Plain(ValidatePassportFr)},
      {"address",
       [](const std::string& s) {
         AddressParse p = ParseAddress(s);
         const PostalAddress& a = p.address;
         json j = {{"valid", p.valid}, {"normalized", a.normalized}};
         if (!p.valid) j["reason"] = p.reason;
         if (p.valid) {
           j["has_locality"] = p.has_locality;
           for (const auto& [name, part] :
                {std::pair<const char*, const std::string&>{"number", a.number},
                 {"number_suffix", a.number_suffix},
                 {"street_type", a.street_type},
                 {"street_name", a.street_name},
                 {"complement", a.complement},
                 {"postcode", a.postcode},
                 {"commune", a.commune_official}}) {
             if (!part.empty()) j[name] = part;
           }
           if (a.cedex) j["cedex"] = true;
         }
         return j;
       }},
      {"name",
       [](const std::string& s) {
         NameParse p = ParsePersonName(s);
         json j = {{"valid", p.valid}, {"normalized", p.name.normalized}};
         if (!p.valid) j["reason"] = p.reason;
         if (p.valid) {
           if (!p.name.title.empty()) j["title"] = p.name.title;
           if (!p.name.given.empty()) j["given"] = p.name.given;
           if (!p.name.family.empty()) j["family"] = p.name.family;
           if (p.name.sex != 0) j["sex"] = std::string(1, p.name.sex);
           j["given_births"] = p.given_births;
           j["family_births"] = p.family_births;
           j["ambiguous"] = p.ambiguous;
         }
         return j;
       }},
  };
  return validators;
}

// The verdict with the value it is about; null for an unknown kind.
json Verdict(const std::string& kind, const std::string& value) {
  auto it = Validators().find(kind);
  if (it == Validators().end()) return nullptr;
  json j = it->second(value);
  j["value"] = value;
  return j;
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::vector<std::string> ValidatorNames() {
  std::vector<std::string> names;
  for (const auto& [name, fn] : Validators()) names.push_back(name);
  return names;
}

std::string ValidateToJson(const std::string& kind, const std::string& value) {
  json j = Verdict(kind, value);
  return j.is_null() ? std::string() : Dump(j);
}

int RunValidate(const std::string& kind, const std::vector<std::string>& values, std::istream& in,
                std::ostream& out) {
  bool all_valid = true;
  auto one = [&](const std::string& value) {
    json verdict = Verdict(kind, value);
    all_valid &= verdict["valid"].get<bool>();
    out << Dump(verdict) << "\n";
  };
  if (values.empty()) {
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      one(line);
    }
  } else {
    for (const auto& v : values) one(v);
  }
  return all_valid ? 0 : 1;
}

}  // namespace vigie::cli
