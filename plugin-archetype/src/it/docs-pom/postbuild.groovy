// The tck ran: more than zero tests, none failed, and the jar carries the manifest line.
def reports = new File(basedir, 'target/surefire-reports').listFiles().findAll { it.name.endsWith('.txt') }
def run = reports.collect { (it.text =~ /Tests run: (\d+), Failures: 0, Errors: 0/)[0][1] as int }.sum() ?: 0
assert run > 0 : "no test ran"
def jar = new java.util.jar.JarFile(new File(basedir, 'target/my-rnn4j-plugin-1.0.jar'))
assert jar.manifest.mainAttributes.getValue('Rnn4j-Api-Version') == '1'
println "docs pom: ${run} tests ran"
return true
