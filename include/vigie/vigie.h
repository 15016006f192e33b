// SPDX-License-Identifier: Apache-2.0
// vigie: finds personal and health data in text, French first.
// Include this header for the whole public API.
#ifndef VIGIE_VIGIE_H_
#define VIGIE_VIGIE_H_

#include "vigie/address.h"
#include "vigie/components.h"
#include "vigie/detector.h"
#include "vigie/finding.h"
#include "vigie/health.h"
#include "vigie/options.h"
#include "vigie/person.h"
#include "vigie/records.h"
#include "vigie/redact.h"
#include "vigie/result.h"
#include "vigie/scanner.h"
#include "vigie/validate.h"
#include "vigie/validators.h"
#include "vigie/version.h"

#endif  // VIGIE_VIGIE_H_
