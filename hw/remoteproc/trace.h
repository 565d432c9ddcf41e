#include "trace/trace-hw_remoteproc.h"
