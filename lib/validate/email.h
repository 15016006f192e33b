// SPDX-License-Identifier: Apache-2.0
// E-mail helpers shared by the validator (vigie::ValidateEmail) and the
// detector, which walks back over the local part.
#ifndef VIGIE_LIB_VALIDATE_EMAIL_H_
#define VIGIE_LIB_VALIDATE_EMAIL_H_

#include <string>
#include <string_view>

namespace vigie::validate {

// True for the characters of an unquoted local part.
bool IsEmailLocalChar(char c);

}  // namespace vigie::validate

#endif  // VIGIE_LIB_VALIDATE_EMAIL_H_
