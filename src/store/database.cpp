#include "store/database.hpp"

#include "core/error.hpp"

#include <sqlite3.h>

#include <utility>

namespace redline::store::detail {

void throw_sqlite(sqlite3* db, int rc, const std::string& what) {
    std::string message = what + ": ";
    // sqlite3_errmsg describes the most recent failure on the connection; without a connection
    // (open failed before one existed) fall back to the generic text for the code.
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int code = db ? sqlite3_extended_errcode(db) : rc;
    throw core::StoreError(message, code);
}

std::string quote_identifier(std::string_view name) {
    std::string out = "\"";
    for (const char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

// ---- Statement

Statement::Statement(Connection& connection, std::string_view sql)
    : m_db(connection.handle()), m_sql(sql) {
    const int rc =
        sqlite3_prepare_v2(m_db, m_sql.data(), static_cast<int>(m_sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        throw_sqlite(m_db, rc, "preparing '" + m_sql + "'");
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_sql(std::move(other.m_sql)) {}

namespace {
void check_bind(sqlite3* db, int rc, const std::string& sql) {
    if (rc != SQLITE_OK)
        throw_sqlite(db, rc, "binding a value of '" + sql + "'");
}
} // namespace

Statement& Statement::bind(int index, std::int64_t value) {
    check_bind(m_db, sqlite3_bind_int64(m_stmt, index, value), m_sql);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check_bind(m_db, sqlite3_bind_double(m_stmt, index, value), m_sql);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    check_bind(
        m_db,
        sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        m_sql);
    return *this;
}

Statement& Statement::bind_blob(int index, std::span<const std::uint8_t> blob) {
    check_bind(m_db, sqlite3_bind_blob64(m_stmt, index, blob.data(), blob.size(), SQLITE_TRANSIENT),
               m_sql);
    return *this;
}

Statement& Statement::bind_null(int index) {
    check_bind(m_db, sqlite3_bind_null(m_stmt, index), m_sql);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // Capture the message first: resetting keeps the statement reusable after the throw.
    const std::string message = "running '" + m_sql + "': " + sqlite3_errmsg(m_db);
    const int code = sqlite3_extended_errcode(m_db);
    sqlite3_reset(m_stmt);
    throw core::StoreError(message, code);
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::column_count() const {
    return sqlite3_column_count(m_stmt);
}
bool Statement::is_null(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}
int Statement::column_type(int column) const {
    return sqlite3_column_type(m_stmt, column);
}
std::int64_t Statement::get_int(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}
double Statement::get_double(int column) const {
    return sqlite3_column_double(m_stmt, column);
}
std::string Statement::get_text(int column) const {
    const auto* text = sqlite3_column_text(m_stmt, column);
    if (!text)
        return {};
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))};
}
std::vector<std::uint8_t> Statement::get_blob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    if (!data)
        return {};
    return {data, data + sqlite3_column_bytes(m_stmt, column)};
}

// ---- Connection

Connection::Connection(const std::filesystem::path& path, bool create) : m_path(path) {
    // FULLMUTEX is unnecessary (one connection per thread, see Workspace); NOMUTEX keeps it cheap.
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (create)
        flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string what = "opening workspace '" + path.string() + "'";
        if (m_db) {
            core::StoreError error(what + ": " + sqlite3_errmsg(m_db), rc);
            sqlite3_close(m_db);
            m_db = nullptr;
            throw error;
        }
        throw_sqlite(nullptr, rc, what);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Another process (the viewer, a second CLI run) may hold the write lock briefly.
    sqlite3_busy_timeout(m_db, 10000);
}

Connection::~Connection() {
    if (m_db)
        sqlite3_close_v2(m_db);
}

Connection::Connection(Connection&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

void Connection::load_spatialite() {
    // Enable only the C API route (not the SQL load_extension() function), and only for as long
    // as it takes to load SpatiaLite.
    int rc = sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, nullptr);
    if (rc != SQLITE_OK)
        throw_sqlite(m_db, rc, "enabling extension loading");
    char* error = nullptr;
    rc = sqlite3_load_extension(m_db, "mod_spatialite", nullptr, &error);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "loading mod_spatialite: ";
        message += error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw core::StoreError(message, rc);
    }
}

void Connection::exec(std::string_view sql) {
    const std::string text(sql);
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = "running '" + text + "': ";
        message += error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw core::StoreError(message, sqlite3_extended_errcode(m_db));
    }
}

std::optional<std::string> Connection::query_text(std::string_view sql) {
    Statement st(*this, sql);
    if (!st.step() || st.is_null(0))
        return std::nullopt;
    return st.get_text(0);
}

std::optional<std::int64_t> Connection::query_int(std::string_view sql) {
    Statement st(*this, sql);
    if (!st.step() || st.is_null(0))
        return std::nullopt;
    return st.get_int(0);
}

std::int64_t Connection::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(m_db);
}

// ---- Transaction

Transaction::Transaction(Connection& connection) : m_connection(connection) {
    m_connection.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!m_done && sqlite3_get_autocommit(m_connection.handle()) == 0)
        sqlite3_exec(m_connection.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    m_connection.exec("COMMIT");
    m_done = true;
}

} // namespace redline::store::detail
