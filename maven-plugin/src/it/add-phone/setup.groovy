// The development database as V1 left it, with a row (the driver comes from the plugin module's test class path).
def db = new File(basedir, "target/dev.db")
db.parentFile.mkdirs()
def c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new Properties())
c.createStatement().execute(new File(basedir, "src/main/resources/db/migration/V1__customers.sql").text)
c.createStatement().execute("INSERT INTO customers (id, name) VALUES (1, 'Ann')")
c.close()
return true
