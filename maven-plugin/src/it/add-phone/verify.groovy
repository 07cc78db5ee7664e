// The goal wrote V2 from the difference; applied to the database, it adds the column and keeps the row.
def script = new File(basedir, "src/main/resources/db/migration/V2__add_phone.sql")
assert script.isFile() : "V2__add_phone.sql was not written"
def sql = script.text
assert sql.contains("ALTER TABLE customers ADD COLUMN phone VARCHAR(20);") : sql
def log = new File(basedir, "build.log").text
assert log.contains("Wrote src/main/resources/db/migration/V2__add_phone.sql") : "the goal did not report the file"

def c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + new File(basedir, "target/dev.db"), new Properties())
sql.split(";\n").collect { it.readLines().findAll { !it.startsWith("--") }.join("\n").trim() }
        .findAll { it }
        .each { c.createStatement().execute(it) }
def rs = c.createStatement().executeQuery("SELECT name, phone FROM customers WHERE id = 1")
assert rs.next() && rs.getString(1) == "Ann" && rs.getString(2) == null
c.close()
return true
