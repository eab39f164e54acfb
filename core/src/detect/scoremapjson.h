#pragma once
// ScoreMap as a JSON value, for core code that embeds a map in a larger document
// (the case file's results) without writing it out as text and parsing it again.

#include "clipflow/scoremap.h"

#include <nlohmann/json.hpp>

namespace clipflow::detail {

/// The object ScoreMap::to_json writes.
nlohmann::json score_map_json(const ScoreMap& map);
/// ScoreMap::from_json on a parsed value: the same checks, the same errors.
Result<ScoreMap> score_map_from_json(const nlohmann::json& j);

} // namespace clipflow::detail
