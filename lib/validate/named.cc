// SPDX-License-Identifier: Apache-2.0
// Validators by name (vigie/validators.h): each verdict's struct turned
// into named fields, once for the command line and the Python package.
#include <algorithm>
#include <functional>
#include <map>

#include "vigie/address.h"
#include "vigie/person.h"
#include "vigie/validate.h"
#include "vigie/validators.h"

namespace vigie {
namespace {

using Validator = std::function<NamedVerdict(std::string_view)>;

NamedVerdict Base(const Validation& v) { return {v.valid, v.normalized, v.reason, {}}; }

// Adds `name` = `value` to `out`; texts only when not empty.
void Put(NamedVerdict& out, const char* name, VerdictField value) {
  if (const auto* text = std::get_if<std::string>(&value); text && text->empty()) return;
  out.fields.emplace_back(name, std::move(value));
}

template <typename Fn>
Validator Plain(Fn fn) {
  return [fn](std::string_view s) { return Base(fn(s)); };
}

NamedVerdict Nir(std::string_view s) {
  NirValidation v = ValidateNir(s);
  NamedVerdict out = Base(v);
  if (!v.valid) return out;
  static const char* const kForms[] = {"permanent", "temporary", "nnp", "migrant"};
  Put(out, "form", std::string(kForms[static_cast<int>(v.form)]));
  Put(out, "sex", int64_t{v.sex});
  if (v.birth_year >= 0) Put(out, "birth_year", int64_t{v.birth_year});
  Put(out, "birth_month", int64_t{v.birth_month});
  Put(out, "department", v.department);
  Put(out, "commune", v.commune);
  Put(out, "country", v.country);
  return out;
}

NamedVerdict Phone(std::string_view s) {
  PhoneValidation v = ValidatePhone(s);
  NamedVerdict out = Base(v);
  if (!v.valid) return out;
  Put(out, "e164", v.e164);
  Put(out, "territory", v.territory);
  Put(out, "type", v.type);
  return out;
}

NamedVerdict Iban(std::string_view s) {
  IbanValidation v = ValidateIban(s);
  NamedVerdict out = Base(v);
  out.fields.emplace_back("country", v.country);  // even empty: the country was not read
  Put(out, "rib_key_checked", v.rib_key_checked);
  return out;
}

NamedVerdict Card(std::string_view s) {
  CardValidation v = ValidateCard(s);
  NamedVerdict out = Base(v);
  Put(out, "brand", v.brand);
  return out;
}

NamedVerdict Address(std::string_view s) {
  AddressParse p = ParseAddress(s);
  const PostalAddress& a = p.address;
  NamedVerdict out{p.valid, a.normalized, p.valid ? std::string() : p.reason, {}};
  if (!p.valid) return out;
  Put(out, "has_locality", p.has_locality);
  Put(out, "number", a.number);
  Put(out, "number_suffix", a.number_suffix);
  Put(out, "street_type", a.street_type);
  Put(out, "street_name", a.street_name);
  Put(out, "complement", a.complement);
  Put(out, "postcode", a.postcode);
  Put(out, "commune", a.commune_official);
  if (a.cedex) Put(out, "cedex", true);
  return out;
}

NamedVerdict Name(std::string_view s) {
  NameParse p = ParsePersonName(s);
  NamedVerdict out{p.valid, p.name.normalized, p.valid ? std::string() : p.reason, {}};
  if (!p.valid) return out;
  Put(out, "title", p.name.title);
  Put(out, "given", p.name.given);
  Put(out, "family", p.name.family);
  if (p.name.sex != 0) Put(out, "sex", std::string(1, p.name.sex));
  Put(out, "given_births", static_cast<int64_t>(p.given_births));
  Put(out, "family_births", static_cast<int64_t>(p.family_births));
  Put(out, "ambiguous", p.ambiguous);
  return out;
}

const std::map<std::string, Validator, std::less<>>& Validators() {
  static const std::map<std::string, Validator, std::less<>> validators = {
      {"nir", Nir},
      {"phone", Phone},
      {"iban", Iban},
      {"card", Card},
      {"date", Plain([](std::string_view s) { return ValidateDate(s); })},
      {"email", Plain(ValidateEmail)},
      {"siren", Plain(ValidateSiren)},
      {"siret", Plain(ValidateSiret)},
      {"tva", Plain(ValidateTvaFr)},
      {"nif", Plain(ValidateNifFr)},
      {"rpps", Plain(ValidateRpps)},
      {"adeli", Plain(ValidateAdeli)},
      {"finess", Plain(ValidateFiness)},
      {"cip13", Plain(ValidateCip13)},
      {"cni", Plain([](std::string_view s) { return ValidateCni(s); })},
      {"passport", Plain(ValidatePassportFr)},
      {"address", Address},
      {"name", Name},
  };
  return validators;
}

}  // namespace

std::vector<std::string> ValidatorNames() {
  std::vector<std::string> names;
  for (const auto& [name, fn] : Validators()) names.push_back(name);
  return names;
}

Result<NamedVerdict> ValidateNamed(std::string_view kind, std::string_view value) {
  auto it = Validators().find(kind);
  if (it == Validators().end()) {
    return Result<NamedVerdict>::Error(ErrorCode::kInvalidArgument,
                                       "unknown validator '" + std::string(kind) + "'");
  }
  return it->second(value);
}

}  // namespace vigie
