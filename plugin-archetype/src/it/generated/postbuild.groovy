// The generated project built and passed its tests, and its jar is found by ./rnn4j --plugin-path.
def project = new File(basedir, 'my-plugin')
def reports = new File(project, 'target/surefire-reports').listFiles().findAll { it.name.endsWith('.txt') }
def run = reports.collect { (it.text =~ /Tests run: (\d+), Failures: 0, Errors: 0/)[0][1] as int }.sum() ?: 0
assert run > 20 : "only ${run} tests ran"
def jar = new File(project, 'target/my-plugin-1.0.jar')
assert jar.isFile()
def java = new File(System.getProperty('java.home'), 'bin/java').path
def process = [java, '-jar', cli, '--plugin-path', jar.parent, 'list'].execute()
def out = process.text
assert process.waitFor() == 0 : out
['delayed-elman', 'simple-rnn', 'swish'].each { name ->
    assert out.readLines().any { it.trim().startsWith(name + ' ') && it.contains(jar.path) } : "${name} not listed:\n${out}"
}
println "generated project: ${run} tests ran; rnn4j --plugin-path lists its plugins"
return true
