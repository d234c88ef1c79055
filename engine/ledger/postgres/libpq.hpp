#pragma once
// libpq's functions, looked up when the first PostgreSQL ledger is opened (platform::
// SharedLibrary: clearhouse does not load the client library and its dependencies at
// start-up). Only postgres_connection.cpp calls them: `libpq().PQexec(conn, sql)`.

#include <libpq-fe.h>

// Every libpq function the ledger calls; a new call is added here.
#define CLEARHOUSE_LIBPQ_FUNCTIONS(X)                                                                 \
  X(PQconnectdb) X(PQstatus) X(PQerrorMessage) X(PQfinish) X(PQsetNoticeProcessor) X(PQexec)          \
  X(PQprepare) X(PQexecPrepared) X(PQgetResult) X(PQresultStatus) X(PQresultErrorMessage)             \
  X(PQresultErrorField) X(PQntuples) X(PQgetvalue) X(PQgetlength) X(PQgetisnull) X(PQclear)           \
  X(PQtransactionStatus) X(PQputCopyData) X(PQputCopyEnd)

namespace clearhouse::ledger::postgres {

struct Libpq {
#define CLEARHOUSE_LIBPQ_MEMBER(name) decltype(&::name) name = nullptr;
  CLEARHOUSE_LIBPQ_FUNCTIONS(CLEARHOUSE_LIBPQ_MEMBER)
#undef CLEARHOUSE_LIBPQ_MEMBER
};

// libpq.so.5, opened on the first call. Throws LedgerError saying the PostgreSQL client library
// is missing when it cannot be loaded (Debian: libpq5).
const Libpq& libpq();

}  // namespace clearhouse::ledger::postgres
