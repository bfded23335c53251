#pragma once
#include <map>
#include <mutex>
using Key = int;
