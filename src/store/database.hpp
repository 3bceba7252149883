#pragma once
// RAII wrappers over the SQLite C API, private to the store module: no other module includes this
// header, and sqlite3.h itself only appears in src/store/*.cpp (the handles are forward-declared).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace redline::store::detail {

/// Throw core::StoreError for a failed SQLite call: `what` says what was being done; the message
/// includes SQLite's own text and the code is kept in the error.
[[noreturn]] void throw_sqlite(sqlite3* db, int rc, const std::string& what);

/// Quote an SQL identifier ("name", with embedded quotes doubled).
std::string quote_identifier(std::string_view name);

class Connection;

/// A prepared statement; finalized on destruction. Bind indexes are 1-based, columns 0-based.
class Statement {
public:
    Statement(Connection& connection, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind_blob(int index, std::span<const std::uint8_t> blob);
    Statement& bind_null(int index);

    /// Advance; true while a row is available. Throws StoreError on failure (the SQLite code is
    /// the extended one, e.g. SQLITE_CONSTRAINT_UNIQUE).
    bool step();
    /// Step a statement that returns no rows (INSERT/UPDATE/DDL), then reset it for reuse.
    void run();
    /// Reset for re-execution and clear bindings.
    void reset();

    int column_count() const;
    bool is_null(int column) const;
    std::int64_t get_int(int column) const;
    double get_double(int column) const;
    /// Text of a column ("" for NULL).
    std::string get_text(int column) const;
    std::vector<std::uint8_t> get_blob(int column) const;
    /// SQLite's storage class of the current value (SQLITE_INTEGER, ...).
    int column_type(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    std::string m_sql;
};

/// An open database connection; closed on destruction.
class Connection {
public:
    /// Open `path`. With `create` false the file must exist. Sets a busy timeout so that a second
    /// process writing at the same time makes this one wait instead of failing at once.
    Connection(const std::filesystem::path& path, bool create);
    ~Connection();
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;

    /// Load mod_spatialite into this connection (throws StoreError when it is missing).
    void load_spatialite();
    /// Execute one or more statements that return no rows.
    void exec(std::string_view sql);
    /// First column of the first row of a query, or nullopt when it returns no rows / NULL.
    std::optional<std::string> query_text(std::string_view sql);
    std::optional<std::int64_t> query_int(std::string_view sql);
    std::int64_t last_insert_rowid() const;
    sqlite3* handle() const { return m_db; }
    const std::filesystem::path& path() const { return m_path; }

private:
    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
};

/// BEGIN IMMEDIATE on construction (take the write lock up front, so a concurrent writer waits on
/// the busy timeout at the start instead of failing half-way); ROLLBACK on destruction unless
/// commit() was called.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& m_connection;
    bool m_done = false;
};

} // namespace redline::store::detail
