using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace DeepDive.Engine.Storage;

/// <summary>
/// An open SQLite connection that keeps each statement it has compiled, for the one connection the write turn uses
/// (<see cref="SqliteWriteQueue"/>). Microsoft.Data.Sqlite compiles a command's SQL every time it runs and Dapper makes
/// a new command for every call, so the same few statements were compiled again at every step of every workflow. Here
/// a command made through this connection runs on a compiled statement kept for its text. Used by one caller at a time.
/// </summary>
internal sealed class StatementCachingConnection(SqliteConnection inner) : DbConnection
{
    private readonly Dictionary<string, Kept> compiled = new(StringComparer.Ordinal);

    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => throw new NotSupportedException("A kept connection's connection string cannot change.");
    }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

    public override void Open()
    {
        if (inner.State != ConnectionState.Open)
        {
            inner.Open();
        }
    }

    public override void Close()
    {
        // Kept open by its owner; Dispose closes it.
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => new Command(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var kept in compiled.Values)
            {
                kept.Command.Dispose();
            }

            compiled.Clear();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The kept command for <paramref name="text"/>; a new one, not kept, if the kept one has a reader open or if this
    /// connection already keeps <see cref="MaxKept"/> statements (SQL built per call, such as Dapper's expanded lists).
    /// <paramref name="names"/> holds the parameter names as the text writes them.
    /// </summary>
    private SqliteCommand For(string text, out bool kept, out ParameterNames names)
    {
        if (compiled.TryGetValue(text, out var entry))
        {
            kept = !busy.Contains(entry.Command);
            names = entry.Names;
            return kept ? entry.Command : NewCommand(text);
        }

        var command = NewCommand(text);
        names = new ParameterNames(text);
        kept = compiled.Count < MaxKept;
        if (kept)
        {
            compiled[text] = new Kept(command, names);
        }

        return command;
    }

    private sealed record Kept(SqliteCommand Command, ParameterNames Names);

    /// <summary>Statements kept at most: the provider's and the domain's writes are a few dozen texts.</summary>
    private const int MaxKept = 128;

    /// <summary>Kept commands with a reader open on them.</summary>
    private readonly HashSet<SqliteCommand> busy = [];

    private SqliteCommand NewCommand(string text)
    {
        var command = inner.CreateCommand();
        command.CommandText = text;
        return command;
    }

    /// <summary>A command as Dapper makes it: it holds the text and parameters and runs them on the connection's kept statement.</summary>
    private sealed class Command(StatementCachingConnection owner) : DbCommand
    {
        // Its own collection: taking a throwaway SqliteCommand's left that command undisposed, so the finalizer queue kept
        // every write's parameter values (its JSON included) alive through a collection, and nearly every collection
        // became a gen1 one (measured with the runtime's GC mark events in `deepdive bench workflows`).
        private readonly SqliteParameterCollection parameters = new Parameters();

        [AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; } = 30;

        public override CommandType CommandType { get; set; } = CommandType.Text;

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection
        {
            get => owner;
            set => throw new NotSupportedException("A kept connection's command stays on it.");
        }

        protected override DbParameterCollection DbParameterCollection => parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        public override int ExecuteNonQuery() => Run(c => c.ExecuteNonQuery());

        public override object? ExecuteScalar() => Run(c => c.ExecuteScalar());

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            var command = Bind(out var kept);
            var reader = command.ExecuteReader(behavior & ~CommandBehavior.CloseConnection);
            if (!kept)
            {
                return new Reader(reader, command.Dispose);
            }

            owner.busy.Add(command);
            return new Reader(reader, () => owner.busy.Remove(command));
        }

        private T Run<T>(Func<SqliteCommand, T> run)
        {
            var command = Bind(out var kept);
            try
            {
                return run(command);
            }
            finally
            {
                if (!kept)
                {
                    command.Dispose();
                }
            }
        }

        private SqliteCommand Bind(out bool kept)
        {
            if (CommandType != CommandType.Text)
            {
                throw new NotSupportedException($"SQLite runs text commands only, not {CommandType}.");
            }

            var command = owner.For(CommandText, out kept, out var names);
            command.Transaction = (SqliteTransaction?)DbTransaction;
            command.CommandTimeout = CommandTimeout;
            command.Parameters.Clear();
            foreach (SqliteParameter parameter in parameters)
            {
                parameter.ParameterName = names.AsWritten(parameter.ParameterName);
                command.Parameters.Add(parameter);
            }

            return command;
        }
    }

    /// <summary>A parameter collection of no command (its constructor is open to subclasses only).</summary>
    private sealed class Parameters : SqliteParameterCollection;

    /// <summary>The reader of a kept statement; closing it frees the statement for the next command.</summary>
    private sealed class Reader(SqliteDataReader inner, Action onClose) : DbDataReader
    {
        private bool closed;

        public override int Depth => inner.Depth;

        public override int FieldCount => inner.FieldCount;

        public override bool HasRows => inner.HasRows;

        public override bool IsClosed => inner.IsClosed;

        public override int RecordsAffected => inner.RecordsAffected;

        public override object this[int ordinal] => inner[ordinal];

        public override object this[string name] => inner[name];

        public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);

        public override byte GetByte(int ordinal) => inner.GetByte(ordinal);

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

        public override char GetChar(int ordinal) => inner.GetChar(ordinal);

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

        public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);

        public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);

        public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);

        public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);

        public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);

        public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);

        public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);

        public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);

        public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);

        public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);

        public override string GetName(int ordinal) => inner.GetName(ordinal);

        public override int GetOrdinal(string name) => inner.GetOrdinal(name);

        public override string GetString(int ordinal) => inner.GetString(ordinal);

        public override object GetValue(int ordinal) => inner.GetValue(ordinal);

        public override int GetValues(object[] values) => inner.GetValues(values);

        public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);

        public override bool NextResult() => inner.NextResult();

        public override bool Read() => inner.Read();

        public override T GetFieldValue<T>(int ordinal) => inner.GetFieldValue<T>(ordinal);

        public override System.Collections.IEnumerator GetEnumerator() => inner.GetEnumerator();

        public override void Close()
        {
            inner.Close();
            Closed();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                Closed();
            }

            base.Dispose(disposing);
        }

        private void Closed()
        {
            if (!closed)
            {
                closed = true;
                onClose();
            }
        }
    }
}
