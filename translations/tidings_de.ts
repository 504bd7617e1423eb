<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountStore</name>
    <message>
        <source>&quot;%1&quot; is not a valid SIP address.</source>
        <translation>„%1“ ist keine gültige SIP-Adresse.</translation>
    </message>
    <message>
        <source>Could not add the account %1.</source>
        <translation>Das Konto %1 konnte nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>There is already an account for %1.</source>
        <translation>Für %1 gibt es bereits ein Konto.</translation>
    </message>
    <message>
        <source>Could not save the account %1.</source>
        <translation>Das Konto %1 konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The account no longer exists.</source>
        <translation>Das Konto existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Could not remove the account.</source>
        <translation>Das Konto konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not read the accounts.</source>
        <translation>Die Konten konnten nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>--version takes no arguments.</source>
        <translation>--version nimmt keine Argumente.</translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;.</source>
        <translation>unbekannte Option „%1“.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Version ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Print this help and exit.</source>
        <translation>Diese Hilfe ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Run &quot;%1 --help&quot; for usage.</source>
        <translation>„%1 --help“ zeigt, wie der Aufruf lautet.</translation>
    </message>
    <message>
        <source>Usage: %1 &lt;command&gt; [options] | --version | --help</source>
        <translation>Aufruf: %1 &lt;Befehl&gt; [Optionen] | --version | --help</translation>
    </message>
    <message>
        <source>Command-line client of %1, instant messaging over SIP MESSAGE (RFC 3428).</source>
        <translation>Befehlszeilen-Client von %1, Sofortnachrichten über SIP MESSAGE (RFC 3428).</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Receive messages for URI and print each as a JSON line, until</source>
        <translation>Empfängt Nachrichten für URI und gibt jede als JSON-Zeile aus, bis</translation>
    </message>
    <message>
        <source>SIGINT/SIGTERM. T is udp, tcp or tls; IPv6 as udp:[::1]:5080;</source>
        <translation>SIGINT/SIGTERM eintrifft. T ist udp, tcp oder tls; IPv6 als udp:[::1]:5080;</translation>
    </message>
    <message>
        <source>port 0 picks a free port (udp and tcp binds given the same port</source>
        <translation>Port 0 wählt einen freien Port (udp- und tcp-Bindungen mit gleichem Port</translation>
    </message>
    <message>
        <source>share it). A tls bind without --tls-cert/--tls-key only connects out.</source>
        <translation>teilen ihn sich). Ohne --tls-cert/--tls-key verbindet tls nur nach außen.</translation>
    </message>
    <message>
        <source>Prints {&quot;event&quot;:&quot;listening&quot;,...} with the actual ports, then</source>
        <translation>Gibt {&quot;event&quot;:&quot;listening&quot;,...} mit den tatsächlichen Ports aus, dann</translation>
    </message>
    <message>
        <source>{&quot;event&quot;:&quot;message&quot;,&quot;from&quot;:...,&quot;body&quot;:...} per message.</source>
        <translation>{&quot;event&quot;:&quot;message&quot;,&quot;from&quot;:...,&quot;body&quot;:...} je Nachricht.</translation>
    </message>
    <message>
        <source>--register registers URI at --registrar (default: the domain of</source>
        <translation>--register registriert URI beim --registrar (Vorgabe: die Domain von</translation>
    </message>
    <message>
        <source>URI, as RFC 3261 10.2 says) through --proxy if given, answering</source>
        <translation>URI, gemäß RFC 3261 10.2), über --proxy, falls angegeben, und beantwortet</translation>
    </message>
    <message>
        <source>digest challenges as --auth-user (default: the user of URI) with</source>
        <translation>Digest-Challenges als --auth-user (Vorgabe: der Benutzerteil von URI) mit</translation>
    </message>
    <message>
        <source>the password in the environment variable VAR. It prints</source>
        <translation>dem Passwort aus der Umgebungsvariablen VAR. Ausgegeben wird</translation>
    </message>
    <message>
        <source>{&quot;event&quot;:&quot;registered&quot;,&quot;aor&quot;:...,&quot;expires&quot;:N} on each</source>
        <translation>{&quot;event&quot;:&quot;registered&quot;,&quot;aor&quot;:...,&quot;expires&quot;:N} bei jeder</translation>
    </message>
    <message>
        <source>registration and refresh, {&quot;event&quot;:&quot;registration_failed&quot;,</source>
        <translation>Registrierung und Erneuerung, {&quot;event&quot;:&quot;registration_failed&quot;,</translation>
    </message>
    <message>
        <source>&quot;status&quot;:N,&quot;reason&quot;:...} (or &quot;error&quot; when no response came)</source>
        <translation>&quot;status&quot;:N,&quot;reason&quot;:...} (oder &quot;error&quot;, wenn keine Antwort kam)</translation>
    </message>
    <message>
        <source>and tries again after &quot;retry_in&quot; seconds. SIGINT/SIGTERM</source>
        <translation>bei einem Fehlschlag, mit neuem Versuch nach &quot;retry_in&quot; Sekunden.</translation>
    </message>
    <message>
        <source>unregisters (waiting at most 5 s), prints {&quot;event&quot;:&quot;unregistered&quot;}</source>
        <translation>SIGINT/SIGTERM hebt die Registrierung auf (wartet höchstens 5 s), gibt</translation>
    </message>
    <message>
        <source>and exits 0; a second signal exits at once with 128 + the signal</source>
        <translation>{&quot;event&quot;:&quot;unregistered&quot;} aus und endet mit 0; ein zweites Signal</translation>
    </message>
    <message>
        <source>number (130 for SIGINT, 143 for SIGTERM). --keepalive: seconds</source>
        <translation>beendet sofort mit 128 + Signalnummer (130 bei SIGINT, 143 bei SIGTERM).</translation>
    </message>
    <message>
        <source>between keep-alives of the registration&apos;s flow (RFC 5626 4.4.1);</source>
        <translation>--keepalive: Sekunden zwischen Keep-Alives (RFC 5626 4.4.1) im Flow der</translation>
    </message>
    <message>
        <source>0 turns them off; default 25 s over UDP, 120 s over TCP/TLS.</source>
        <translation>Registrierung; 0 schaltet sie ab; Vorgabe 25 s bei UDP, 120 s bei TCP/TLS.</translation>
    </message>
    <message>
        <source>With --profile every message is stored before it is answered 2xx.</source>
        <translation>Mit --profile wird jede Nachricht vor der 2xx-Antwort gespeichert.</translation>
    </message>
    <message>
        <source>Example: %1 listen --aor sip:bob@127.0.0.1 --bind udp:127.0.0.1:5080</source>
        <translation>Beispiel: %1 listen --aor sip:bob@127.0.0.1 --bind udp:127.0.0.1:5080</translation>
    </message>
    <message>
        <source>Example: TIDINGS_PW=... %1 listen --aor sip:bob@example.com</source>
        <translation>Beispiel: TIDINGS_PW=... %1 listen --aor sip:bob@example.com</translation>
    </message>
    <message>
        <source>Send one message and print {&quot;event&quot;:&quot;result&quot;,&quot;status&quot;:200,...},</source>
        <translation>Sendet eine Nachricht und gibt {&quot;event&quot;:&quot;result&quot;,&quot;status&quot;:200,...} aus</translation>
    </message>
    <message>
        <source>or {&quot;event&quot;:&quot;result&quot;,&quot;error&quot;:&quot;timeout&quot;|&quot;&lt;why&gt;&quot;} without a final</source>
        <translation>bzw. {&quot;event&quot;:&quot;result&quot;,&quot;error&quot;:&quot;timeout&quot;|&quot;&lt;Grund&gt;&quot;}, wenn keine endgültige</translation>
    </message>
    <message>
        <source>response. --timeout defaults to 32 s (Timer F). Passwords come from</source>
        <translation>Antwort kommt. --timeout: Vorgabe 32 s (Timer F). Passwörter stammen aus</translation>
    </message>
    <message>
        <source>the environment variable named by --password-env, never the command</source>
        <translation>der Umgebungsvariablen, die --password-env nennt, nie aus der</translation>
    </message>
    <message>
        <source>line.</source>
        <translation>Befehlszeile.</translation>
    </message>
    <message>
        <source>Example: %1 send --from sip:alice@127.0.0.1 --to sip:bob@127.0.0.1:5080 --text &quot;Hello&quot;</source>
        <translation>Beispiel: %1 send --from sip:alice@127.0.0.1 --to sip:bob@127.0.0.1:5080 --text &quot;Hallo&quot;</translation>
    </message>
    <message>
        <source>Print the stored messages as JSON lines, oldest first:</source>
        <translation>Gibt die gespeicherten Nachrichten als JSON-Zeilen aus, älteste zuerst:</translation>
    </message>
    <message>
        <source>{&quot;event&quot;:&quot;history&quot;,&quot;id&quot;:42,&quot;direction&quot;:&quot;in&quot;,&quot;peer&quot;:...,&quot;body&quot;:...,</source>
        <translation>{&quot;event&quot;:&quot;history&quot;,&quot;id&quot;:42,&quot;direction&quot;:&quot;in&quot;,&quot;peer&quot;:...,&quot;body&quot;:...,</translation>
    </message>
    <message>
        <source>&quot;content_type&quot;:...,&quot;state&quot;:&quot;received&quot;,&quot;call_id&quot;:...,&quot;time&quot;:...}.</source>
        <translation>&quot;content_type&quot;:...,&quot;state&quot;:&quot;received&quot;,&quot;call_id&quot;:...,&quot;time&quot;:...}.</translation>
    </message>
    <message>
        <source>time is when it was received (&quot;in&quot;) or written (&quot;out&quot;); &quot;out&quot;</source>
        <translation>time ist der Zeitpunkt des Empfangs (&quot;in&quot;) bzw. des Schreibens (&quot;out&quot;);</translation>
    </message>
    <message>
        <source>has state queued, sending, sent, accepted or failed (with &quot;status&quot;</source>
        <translation>&quot;out&quot; hat den state queued, sending, sent, accepted oder failed (mit</translation>
    </message>
    <message>
        <source>and &quot;reason&quot;). --with URI: only the conversation with that contact</source>
        <translation>&quot;status&quot; und &quot;reason&quot;). --with URI: nur die Unterhaltung mit diesem Kontakt</translation>
    </message>
    <message>
        <source>(any spelling of its address); --limit N: only the newest N.</source>
        <translation>(in jeder Schreibweise seiner Adresse); --limit N: nur die neuesten N.</translation>
    </message>
    <message>
        <source>Full-text search: the best matches first, as history lines plus</source>
        <translation>Volltextsuche: die besten Treffer zuerst, als Zeilen wie bei history, dazu</translation>
    </message>
    <message>
        <source>&quot;snippet&quot; with the matches in [brackets]. QUERY is plain words</source>
        <translation>&quot;snippet&quot; mit den Fundstellen in [Klammern]. QUERY besteht aus einfachen</translation>
    </message>
    <message>
        <source>(quotes, *, -, : and NEAR are just characters); Chinese and Japanese</source>
        <translation>Wörtern (Anführungszeichen, *, -, : und NEAR sind gewöhnliche Zeichen);</translation>
    </message>
    <message>
        <source>text is found too. DATE is 2026-01-31 (a whole day, UTC) or</source>
        <translation>auch chinesischer und japanischer Text wird gefunden. DATE ist 2026-01-31</translation>
    </message>
    <message>
        <source>2026-01-31T18:00:00Z. --limit defaults to %1 (at most %2).</source>
        <translation>(ganzer Tag, UTC) oder 2026-01-31T18:00:00Z. --limit: Vorgabe %1 (max. %2).</translation>
    </message>
    <message>
        <source>Example: %1 search --profile ~/tidings --with sip:bob@example.com lunch</source>
        <translation>Beispiel: %1 search --profile ~/tidings --with sip:bob@example.com Mittagessen</translation>
    </message>
    <message>
        <source>The profile directory with the message history</source>
        <translation>Das Profilverzeichnis mit dem Nachrichtenverlauf</translation>
    </message>
    <message>
        <source>(default: the environment variable TIDINGS_PROFILE;</source>
        <translation>(Vorgabe: die Umgebungsvariable TIDINGS_PROFILE;</translation>
    </message>
    <message>
        <source>without either nothing is stored). listen stores what</source>
        <translation>fehlt beides, wird nichts gespeichert). listen speichert,</translation>
    </message>
    <message>
        <source>it receives, send what it sends; one process at a time</source>
        <translation>was es empfängt, send, was es sendet; nur ein Prozess zugleich</translation>
    </message>
    <message>
        <source>may write a profile, while history and search read it.</source>
        <translation>darf in ein Profil schreiben; history und search lesen es dabei.</translation>
    </message>
    <message>
        <source>Exit status: 0 success (2xx; history and search also with no results);</source>
        <translation>Exit-Status: 0 Erfolg (2xx; bei history und search auch ohne Ergebnisse);</translation>
    </message>
    <message>
        <source>1 a final non-2xx response, a bind or TLS failure, or no readable history</source>
        <translation>1 endgültige Antwort außer 2xx, Bind- oder TLS-Fehler oder kein lesbarer Verlauf</translation>
    </message>
    <message>
        <source>2 usage error; 3 timeout or transport failure.</source>
        <translation>2 Aufruffehler; 3 Zeitüberschreitung oder Transportfehler.</translation>
    </message>
    <message>
        <source>Write all history, or the conversations with one contact (--with,</source>
        <translation>Schreibt den ganzen Verlauf oder den mit einem Kontakt (--with, in jeder</translation>
    </message>
    <message>
        <source>any spelling of its address), as JSON (&quot;format&quot;:&quot;tidings-history&quot;,</source>
        <translation>Schreibweise seiner Adresse) als JSON (&quot;format&quot;:&quot;tidings-history&quot;, eine</translation>
    </message>
    <message>
        <source>one message per line; import reads it back) or as plain text for</source>
        <translation>Nachricht je Zeile; import liest es wieder ein) oder als Text zum Lesen.</translation>
    </message>
    <message>
        <source>people. To standard output, or to FILE: written completely first,</source>
        <translation>Auf die Standardausgabe oder in FILE: erst ganz geschrieben, ersetzt nie</translation>
    </message>
    <message>
        <source>never replacing an existing FILE. Works while a writer runs.</source>
        <translation>eine vorhandene FILE. Läuft auch neben einem schreibenden Prozess.</translation>
    </message>
    <message>
        <source>Example: %1 export --profile ~/tidings --output history.json</source>
        <translation>Beispiel: %1 export --profile ~/tidings --output history.json</translation>
    </message>
    <message>
        <source>Add the messages of a JSON export to the profile (created when</source>
        <translation>Fügt die Nachrichten eines JSON-Exports dem Profil hinzu (wird bei Bedarf</translation>
    </message>
    <message>
        <source>missing) and print {&quot;event&quot;:&quot;import&quot;,&quot;added&quot;:N,&quot;skipped&quot;:M,</source>
        <translation>angelegt) und gibt {&quot;event&quot;:&quot;import&quot;,&quot;added&quot;:N,&quot;skipped&quot;:M,&quot;failed&quot;:F}</translation>
    </message>
    <message>
        <source>&quot;failed&quot;:F}. Messages already there are skipped, so importing a</source>
        <translation>aus. Vorhandene Nachrichten werden übersprungen, ein zweiter Import</translation>
    </message>
    <message>
        <source>file twice adds nothing. A file that is not an export changes</source>
        <translation>derselben Datei fügt also nichts hinzu. Ist die Datei kein Export, ändert</translation>
    </message>
    <message>
        <source>nothing. Refused while another program writes the profile.</source>
        <translation>sich nichts. Abgelehnt, solange ein anderes Programm ins Profil schreibt.</translation>
    </message>
    <message>
        <source>(no profile given, no database yet, a damaged or newer database), an</source>
        <translation>(kein Profil angegeben, Datenbank fehlt noch, ist beschädigt oder zu neu),</translation>
    </message>
    <message>
        <source>export that cannot be written, or an import file that is not an export;</source>
        <translation>ein nicht schreibbarer Export oder eine Importdatei, die kein Export ist;</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>%1 takes no value.</source>
        <translation>%1 erwartet keinen Wert.</translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;.</source>
        <translation>unbekannte Option „%1“.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 braucht einen Wert.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a SIP URI (like sip:alice@example.com)%3.</source>
        <translation>%1: „%2“ ist keine SIP-URI (wie sip:alice@example.com)%3.</translation>
    </message>
    <message>
        <source>--password-env: the environment variable %1 is not set.</source>
        <translation>--password-env: Die Umgebungsvariable %1 ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>--bind &quot;%1&quot;: %2 (expected T:HOST:PORT, e.g. udp:127.0.0.1:5080 or tcp:[::1]:0).</source>
        <translation>--bind „%1“: %2 (erwartet wird T:HOST:PORT, z. B. udp:127.0.0.1:5080 oder tcp:[::1]:0).</translation>
    </message>
    <message>
        <source>missing part</source>
        <translation>ein Teil fehlt</translation>
    </message>
    <message>
        <source>the transport must be udp, tcp or tls</source>
        <translation>der Transport muss udp, tcp oder tls sein</translation>
    </message>
    <message>
        <source>put an IPv6 address in brackets</source>
        <translation>eine IPv6-Adresse gehört in eckige Klammern</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>„%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>the port must be 0 to 65535</source>
        <translation>der Port muss zwischen 0 und 65535 liegen</translation>
    </message>
    <message>
        <source>listen needs --aor URI (the address to receive for).</source>
        <translation>listen braucht --aor URI (die Adresse, für die empfangen wird).</translation>
    </message>
    <message>
        <source>listen needs at least one --bind T:HOST:PORT.</source>
        <translation>listen braucht mindestens ein --bind T:HOST:PORT.</translation>
    </message>
    <message>
        <source>%1 only applies with --register.</source>
        <translation>%1 gilt nur zusammen mit --register.</translation>
    </message>
    <message>
        <source>--register: no registrar can be derived from --aor %1; give --registrar URI.</source>
        <translation>--register: Aus --aor %1 lässt sich kein Registrar ableiten; --registrar URI muss angegeben werden.</translation>
    </message>
    <message>
        <source>--keepalive must be a whole number of seconds from 0 (off) to 3600, not &quot;%1&quot;.</source>
        <translation>--keepalive muss eine ganze Zahl von Sekunden zwischen 0 (aus) und 3600 sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert und --tls-key müssen zusammen angegeben werden.</translation>
    </message>
    <message>
        <source>send needs %1 URI.</source>
        <translation>send braucht %1 URI.</translation>
    </message>
    <message>
        <source>send needs exactly one of --text TEXT or --file PATH.</source>
        <translation>send braucht genau eines von --text TEXT oder --file PATH.</translation>
    </message>
    <message>
        <source>--file: cannot read %1: %2</source>
        <translation>--file: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--transport must be udp, tcp or tls.</source>
        <translation>--transport muss udp, tcp oder tls sein.</translation>
    </message>
    <message>
        <source>--to is a sips: URI, which needs TLS on every hop; --transport %1 rules that out (use --transport tls, or leave --transport out).</source>
        <translation>--to ist eine sips:-URI, die auf jedem Hop TLS verlangt; --transport %1 schließt das aus (--transport tls verwenden oder --transport weglassen).</translation>
    </message>
    <message>
        <source>--timeout must be 1 to 3600 seconds.</source>
        <translation>--timeout muss zwischen 1 und 3600 Sekunden liegen.</translation>
    </message>
    <message>
        <source>--with: &quot;%1&quot; is not a contact address (like sip:alice@example.com).</source>
        <translation>--with: „%1“ ist keine Kontaktadresse (wie sip:alice@example.com).</translation>
    </message>
    <message>
        <source>--limit must be a whole number from 1 to %1.</source>
        <translation>--limit muss eine ganze Zahl von 1 bis %1 sein.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a date (like 2026-01-31 or 2026-01-31T18:00:00Z).</source>
        <translation>%1: „%2“ ist kein Datum (wie 2026-01-31 oder 2026-01-31T18:00:00Z).</translation>
    </message>
    <message>
        <source>--since must be before --until.</source>
        <translation>--since muss vor --until liegen.</translation>
    </message>
    <message>
        <source>search needs QUERY: the words to look for.</source>
        <translation>search braucht QUERY: die Wörter, nach denen gesucht wird.</translation>
    </message>
    <message>
        <source>--format must be json or text, not &quot;%1&quot;.</source>
        <translation>--format muss json oder text sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--output needs a file name.</source>
        <translation>--output braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>import needs FILE: a JSON export of tidings-cli export.</source>
        <translation>import braucht FILE: einen JSON-Export von tidings-cli export.</translation>
    </message>
    <message>
        <source>import takes one FILE, not %1.</source>
        <translation>import erwartet genau ein FILE, nicht %1.</translation>
    </message>
</context>
<context>
    <name>ContactStore</name>
    <message>
        <source>&quot;%1&quot; is not a valid SIP address.</source>
        <translation>„%1“ ist keine gültige SIP-Adresse.</translation>
    </message>
    <message>
        <source>The account no longer exists.</source>
        <translation>Das Konto existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Could not add the contact %1.</source>
        <translation>Der Kontakt %1 konnte nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>%1 is already in the contacts.</source>
        <translation>%1 ist bereits in den Kontakten.</translation>
    </message>
    <message>
        <source>Could not save the contact %1.</source>
        <translation>Der Kontakt %1 konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The contact no longer exists.</source>
        <translation>Der Kontakt existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Could not remove the contact.</source>
        <translation>Der Kontakt konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not read the contacts.</source>
        <translation>Die Kontakte konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No contact address was given.</source>
        <translation>Es wurde keine Kontaktadresse angegeben.</translation>
    </message>
</context>
<context>
    <name>ConversationStore</name>
    <message>
        <source>&quot;%1&quot; is not a valid SIP address.</source>
        <translation>„%1“ ist keine gültige SIP-Adresse.</translation>
    </message>
    <message>
        <source>Could not create the conversation with %1.</source>
        <translation>Die Unterhaltung mit %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The account no longer exists.</source>
        <translation>Das Konto existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Could not read the conversations.</source>
        <translation>Die Unterhaltungen konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The conversation no longer exists.</source>
        <translation>Die Unterhaltung existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Could not mark the conversation read.</source>
        <translation>Die Unterhaltung konnte nicht als gelesen markiert werden.</translation>
    </message>
    <message>
        <source>Could not delete the conversation.</source>
        <translation>Die Unterhaltung konnte nicht gelöscht werden.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>No profile directory was given.</source>
        <translation>Es wurde kein Profilverzeichnis angegeben.</translation>
    </message>
    <message>
        <source>There is no profile at %1.</source>
        <translation>Unter %1 gibt es kein Profil.</translation>
    </message>
    <message>
        <source>Could not create the profile directory %1.</source>
        <translation>Das Profilverzeichnis %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>There is no message history in the profile %1 yet.</source>
        <translation>Im Profil %1 gibt es noch keinen Nachrichtenverlauf.</translation>
    </message>
    <message>
        <source>The database %1 cannot be read (check its permissions).</source>
        <translation>Die Datenbank %1 kann nicht gelesen werden (bitte die Zugriffsrechte prüfen).</translation>
    </message>
    <message>
        <source>The file %1 is not a Tidings database. It was left unchanged; move it away to start a new history.</source>
        <translation>Die Datei %1 ist keine Tidings-Datenbank. Sie bleibt unverändert; um einen neuen Verlauf zu beginnen, die Datei an einen anderen Ort verschieben.</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt Sql is not installed (on Debian and Ubuntu: the package libqt6sql6-sqlite).</source>
        <translation>Der SQLite-Treiber von Qt Sql ist nicht installiert (unter Debian und Ubuntu: das Paket libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Could not open the database %1.</source>
        <translation>Die Datenbank %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2). It was left unchanged; restore it from a backup, or move it away to start a new history.</source>
        <translation>Die Datenbank %1 ist beschädigt (%2). Sie bleibt unverändert; die Datenbank aus einer Sicherung wiederherstellen oder, um einen neuen Verlauf zu beginnen, an einen anderen Ort verschieben.</translation>
    </message>
    <message>
        <source>Could not read the database %1.</source>
        <translation>Die Datenbank %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The file %1 is an SQLite database of another program, not a Tidings database. It was left unchanged.</source>
        <translation>Die Datei %1 ist eine SQLite-Datenbank eines anderen Programms, keine Tidings-Datenbank. Sie bleibt unverändert.</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Tidings (schema version %2; this version understands up to %3). It was left unchanged; update Tidings to open it.</source>
        <translation>Die Datenbank %1 wurde von einer neueren Version von Tidings geschrieben (Schemaversion %2; diese Version versteht bis %3). Sie bleibt unverändert; zum Öffnen Tidings aktualisieren.</translation>
    </message>
    <message>
        <source>Could not prepare the database %1 for writing.</source>
        <translation>Die Datenbank %1 konnte nicht zum Schreiben vorbereitet werden.</translation>
    </message>
    <message>
        <source>%1 The file system does not support SQLite&apos;s write-ahead log.</source>
        <translation>%1 Das Dateisystem unterstützt das Write-Ahead-Log von SQLite nicht.</translation>
    </message>
    <message>
        <source>The database %1 was written by an older version of Tidings and needs an upgrade; start Tidings (or tidings-cli listen) on this profile once to upgrade it.</source>
        <translation>Die Datenbank %1 wurde von einer älteren Version von Tidings geschrieben und muss aktualisiert werden; dazu Tidings (oder tidings-cli listen) einmal mit diesem Profil starten.</translation>
    </message>
    <message>
        <source>Could not open the database %1 for reading.</source>
        <translation>Die Datenbank %1 konnte nicht zum Lesen geöffnet werden.</translation>
    </message>
    <message>
        <source>Could not check the database %1.</source>
        <translation>Die Datenbank %1 konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Could not measure the database.</source>
        <translation>Die Größe der Datenbank konnte nicht ermittelt werden.</translation>
    </message>
    <message>
        <source>The history is open read-only; nothing can be changed.</source>
        <translation>Der Verlauf ist schreibgeschützt geöffnet; es kann nichts geändert werden.</translation>
    </message>
</context>
<context>
    <name>DatabaseFile</name>
    <message>
        <source>the file is shorter than an SQLite header</source>
        <translation>die Datei ist kürzer als ein SQLite-Header</translation>
    </message>
    <message>
        <source>the header names an impossible page size</source>
        <translation>der Header gibt eine unmögliche Seitengröße an</translation>
    </message>
    <message>
        <source>the file ends in the middle of a page (it was cut short)</source>
        <translation>die Datei endet mitten in einer Seite (sie wurde abgeschnitten)</translation>
    </message>
    <message>
        <source>the file is shorter than its header says (it was cut short)</source>
        <translation>die Datei ist kürzer, als ihr Header angibt (sie wurde abgeschnitten)</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Could not write the export: %1</source>
        <translation>Der Export konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>%1 already exists; it was left unchanged. Choose another file name or remove it first.</source>
        <translation>%1 existiert bereits und bleibt unverändert. Einen anderen Dateinamen wählen oder die Datei zuerst entfernen.</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>no profile was given. Name the profile directory with --profile DIR or the environment variable %1 (the directory that &quot;tidings-cli listen --profile DIR&quot; stores into).</source>
        <translation>es wurde kein Profil angegeben. Das Profilverzeichnis mit --profile DIR oder der Umgebungsvariablen %1 angeben (das Verzeichnis, in das „tidings-cli listen --profile DIR“ speichert).</translation>
    </message>
</context>
<context>
    <name>HistoryExporter</name>
    <message>
        <source>Could not export the history.</source>
        <translation>Der Verlauf konnte nicht exportiert werden.</translation>
    </message>
    <message>
        <source>Could not write the export: %1</source>
        <translation>Der Export konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>== Conversation with %1 (account %2) ==</source>
        <translation>== Unterhaltung mit %1 (Konto %2) ==</translation>
    </message>
    <message>
        <source>me</source>
        <translation>ich</translation>
    </message>
    <message>
        <source>(not delivered: %1 %2)</source>
        <translation>(nicht zugestellt: %1 %2)</translation>
    </message>
    <message>
        <source>(not delivered: %1)</source>
        <translation>(nicht zugestellt: %1)</translation>
    </message>
    <message>
        <source>(not sent yet)</source>
        <translation>(noch nicht gesendet)</translation>
    </message>
    <message>
        <source>(delivered late)</source>
        <translation>(verspätet zugestellt)</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>%1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>HistoryImporter</name>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The file is not a Tidings history export (JSON error at byte %1: %2).</source>
        <translation>Die Datei ist kein Verlaufsexport von Tidings (JSON-Fehler bei Byte %1: %2).</translation>
    </message>
    <message>
        <source>The file is not a Tidings history export.</source>
        <translation>Die Datei ist kein Verlaufsexport von Tidings.</translation>
    </message>
    <message>
        <source>The export was written by a newer version of Tidings (format version %1); update Tidings to import it.</source>
        <translation>Der Export wurde von einer neueren Version von Tidings geschrieben (Formatversion %1); zum Importieren Tidings aktualisieren.</translation>
    </message>
    <message>
        <source>Message %1 of the file is incomplete.</source>
        <translation>Nachricht %1 der Datei ist unvollständig.</translation>
    </message>
    <message>
        <source>Not sent (imported from an export)</source>
        <translation>Nicht gesendet (aus einem Export importiert)</translation>
    </message>
    <message>
        <source>Message %1 of the file: %2</source>
        <translation>Nachricht %1 der Datei: %2</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>%1 is empty, not a Tidings history export.</source>
        <translation>%1 ist leer und kein Verlaufsexport von Tidings.</translation>
    </message>
    <message>
        <source>%1 is a plain-text export, which is for reading; only a JSON export (tidings-cli export --format json) can be imported.</source>
        <translation>%1 ist ein Textexport, der zum Lesen gedacht ist; importieren lässt sich nur ein JSON-Export (tidings-cli export --format json).</translation>
    </message>
    <message>
        <source>%1 ends too early (JSON error at byte %2: %3); it is probably a truncated copy of an export.</source>
        <translation>%1 endet zu früh (JSON-Fehler bei Byte %2: %3); vermutlich handelt es sich um eine abgeschnittene Kopie eines Exports.</translation>
    </message>
    <message>
        <source>%1 is not a Tidings history export (JSON error at byte %2: %3).</source>
        <translation>%1 ist kein Verlaufsexport von Tidings (JSON-Fehler bei Byte %2: %3).</translation>
    </message>
    <message>
        <source>%1 is JSON but not a Tidings history export (it has no &quot;format&quot;:&quot;%2&quot;).</source>
        <translation>%1 ist JSON, aber kein Verlaufsexport von Tidings (es fehlt &quot;format&quot;:&quot;%2&quot;).</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Tidings (format version %2); update Tidings to import it.</source>
        <translation>%1 wurde von einer neueren Version von Tidings geschrieben (Formatversion %2); zum Importieren Tidings aktualisieren.</translation>
    </message>
    <message>
        <source>%1 has no &quot;messages&quot; list; it is not a complete export.</source>
        <translation>%1 enthält keine Liste &quot;messages&quot; und ist daher kein vollständiger Export.</translation>
    </message>
    <message>
        <source>no profile was given. Name the profile directory to import into with --profile DIR or the environment variable %1.</source>
        <translation>es wurde kein Profil angegeben. Das Profilverzeichnis, in das importiert werden soll, mit --profile DIR oder der Umgebungsvariablen %1 angeben.</translation>
    </message>
    <message>
        <source>%1 is a directory, not an export file.</source>
        <translation>%1 ist ein Verzeichnis, keine Exportdatei.</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of the file could not be imported (see &quot;problems&quot;).</source>
        <translation>
            <numerusform>%n Nachricht der Datei konnte nicht importiert werden (siehe &quot;problems&quot;).</numerusform>
            <numerusform>%n Nachrichten der Datei konnten nicht importiert werden (siehe &quot;problems&quot;).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageSearch</name>
    <message>
        <source>&quot;%1&quot; is not a valid SIP address.</source>
        <translation>„%1“ ist keine gültige SIP-Adresse.</translation>
    </message>
    <message>
        <source>Could not search the history.</source>
        <translation>Der Verlauf konnte nicht durchsucht werden.</translation>
    </message>
    <message>
        <source>Could not read the search results.</source>
        <translation>Die Suchergebnisse konnten nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>MessageStore</name>
    <message>
        <source>Could not save the peer&apos;s name.</source>
        <translation>Der Name des Gegenübers konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Could not read the message.</source>
        <translation>Die Nachricht konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The message no longer exists.</source>
        <translation>Die Nachricht existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Could not read the conversation.</source>
        <translation>Die Unterhaltung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid SIP address.</source>
        <translation>„%1“ ist keine gültige SIP-Adresse.</translation>
    </message>
    <message>
        <source>Could not read the history.</source>
        <translation>Der Verlauf konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not mark the message read.</source>
        <translation>Die Nachricht konnte nicht als gelesen markiert werden.</translation>
    </message>
    <message>
        <source>Could not delete the message.</source>
        <translation>Die Nachricht konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>No date was given for deleting old messages.</source>
        <translation>Für das Löschen alter Nachrichten wurde kein Datum angegeben.</translation>
    </message>
    <message>
        <source>Could not delete old messages.</source>
        <translation>Alte Nachrichten konnten nicht gelöscht werden.</translation>
    </message>
</context>
<context>
    <name>MessageWriter</name>
    <message>
        <source>The message&apos;s address &quot;%1&quot; is not a valid URI.</source>
        <translation>Die Adresse „%1“ der Nachricht ist keine gültige URI.</translation>
    </message>
    <message>
        <source>Could not look up the stored message.</source>
        <translation>Die gespeicherte Nachricht konnte nicht abgefragt werden.</translation>
    </message>
    <message>
        <source>The stored message was not found.</source>
        <translation>Die gespeicherte Nachricht wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Could not store the message: it has no Call-ID.</source>
        <translation>Die Nachricht konnte nicht gespeichert werden, da sie keine Call-ID hat.</translation>
    </message>
    <message>
        <source>Could not store the message: its delivery state does not fit its direction.</source>
        <translation>Die Nachricht konnte nicht gespeichert werden, da ihr Zustellstatus nicht zu ihrer Richtung passt.</translation>
    </message>
    <message>
        <source>Could not store the message.</source>
        <translation>Die Nachricht konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>MessengerService</name>
    <message>
        <source>The profile is not open.</source>
        <translation>Das Profil ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>%1 The message is %2.</source>
        <translation>%1 Die Nachricht ist im Zustand %2.</translation>
    </message>
    <message>
        <source>%1 The message is no longer in the outbox.</source>
        <translation>%1 Die Nachricht ist nicht mehr im Postausgang.</translation>
    </message>
    <message>
        <source>Could not mark the message as being sent.</source>
        <translation>Die Nachricht konnte nicht als „wird gesendet“ markiert werden.</translation>
    </message>
    <message>
        <source>Could not record the result of sending the message.</source>
        <translation>Das Ergebnis des Sendens konnte nicht festgehalten werden.</translation>
    </message>
    <message>
        <source>Could not mark the message as failed.</source>
        <translation>Die Nachricht konnte nicht als fehlgeschlagen markiert werden.</translation>
    </message>
    <message>
        <source>Could not put the message back in the outbox.</source>
        <translation>Die Nachricht konnte nicht zurück in den Postausgang gelegt werden.</translation>
    </message>
    <message>
        <source>Could not put interrupted messages back in the outbox.</source>
        <translation>Unterbrochene Nachrichten konnten nicht zurück in den Postausgang gelegt werden.</translation>
    </message>
    <message>
        <source>Could not send the message again.</source>
        <translation>Die Nachricht konnte nicht erneut gesendet werden.</translation>
    </message>
    <message>
        <source>Could not delete the message.</source>
        <translation>Die Nachricht konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>%1 It is being sent right now.</source>
        <translation>%1 Die Nachricht wird gerade gesendet.</translation>
    </message>
    <message>
        <source>Could not read the outbox.</source>
        <translation>Der Postausgang konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>No profile directory was given.</source>
        <translation>Es wurde kein Profilverzeichnis angegeben.</translation>
    </message>
    <message>
        <source>The profile path %1 exists but is not a directory.</source>
        <translation>Der Profilpfad %1 existiert, ist aber kein Verzeichnis.</translation>
    </message>
    <message>
        <source>Could not create the profile directory %1.</source>
        <translation>Das Profilverzeichnis %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The profile directory %1 is not writable.</source>
        <translation>In das Profilverzeichnis %1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>RegistrationWords</name>
    <message>
        <source>Wrong user name or password</source>
        <translation>Falscher Benutzername oder falsches Passwort</translation>
    </message>
    <message>
        <source>The server does not know this address</source>
        <translation>Der Server kennt diese Adresse nicht</translation>
    </message>
    <message>
        <source>The server wants a longer registration time</source>
        <translation>Der Server verlangt eine längere Registrierungsdauer</translation>
    </message>
    <message>
        <source>The server has a problem (%1)</source>
        <translation>Der Server hat ein Problem (%1)</translation>
    </message>
    <message>
        <source>The server refused the registration (%1)</source>
        <translation>Der Server hat die Registrierung abgelehnt (%1)</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut</translation>
    </message>
    <message>
        <source>The server&apos;s name cannot be found</source>
        <translation>Der Name des Servers wurde nicht gefunden</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>Registration failed</source>
        <translation>Registrierung fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation>
            <numerusform>in %n s</numerusform>
            <numerusform>in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <translation>
            <numerusform>in %n h</numerusform>
            <numerusform>in %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <source>Failed: %1 (retrying %2)</source>
        <translation>Fehlgeschlagen: %1 (neuer Versuch %2)</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>Cannot upgrade the database from version %1 to version %2.</source>
        <translation>Die Datenbank kann nicht von Version %1 auf Version %2 aktualisiert werden.</translation>
    </message>
    <message>
        <source>Could not upgrade the database to version %1.</source>
        <translation>Die Datenbank konnte nicht auf Version %1 aktualisiert werden.</translation>
    </message>
</context>
<context>
    <name>SendCommand</name>
    <message>
        <source>the message is not UTF-8 text; a profile stores text only. Send it without --profile, or convert it to UTF-8.</source>
        <translation>die Nachricht ist kein UTF-8-Text; ein Profil speichert nur Text. Ohne --profile senden oder nach UTF-8 umwandeln.</translation>
    </message>
    <message>
        <source>the result could not be recorded in the profile: %1</source>
        <translation>das Ergebnis konnte nicht im Profil festgehalten werden: %1</translation>
    </message>
    <message>
        <source>the message stays in the outbox unsent: %1</source>
        <translation>die Nachricht bleibt ungesendet im Postausgang: %1</translation>
    </message>
    <message>
        <source>no answer within %1 seconds</source>
        <translation>keine Antwort innerhalb von %1 Sekunden</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the database file could not be read or written</source>
        <translation>die Datenbankdatei konnte nicht gelesen oder geschrieben werden</translation>
    </message>
    <message>
        <source>the system ran out of memory</source>
        <translation>dem System ging der Arbeitsspeicher aus</translation>
    </message>
    <message>
        <source>the database file is damaged</source>
        <translation>die Datenbankdatei ist beschädigt</translation>
    </message>
    <message>
        <source>the database is busy in another program</source>
        <translation>die Datenbank wird von einem anderen Programm belegt</translation>
    </message>
    <message>
        <source>the database is open read-only</source>
        <translation>die Datenbank ist schreibgeschützt geöffnet</translation>
    </message>
    <message>
        <source>the data breaks a rule of the database</source>
        <translation>die Daten verletzen eine Regel der Datenbank</translation>
    </message>
    <message>
        <source>the database reported an error</source>
        <translation>die Datenbank hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>%1 (SQLite: %2)</source>
        <translation>%1 (SQLite: %2)</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>Could not start writing.</source>
        <translation>Der Schreibvorgang konnte nicht begonnen werden.</translation>
    </message>
    <message>
        <source>Could not save the changes: nothing was being written.</source>
        <translation>Die Änderungen konnten nicht gespeichert werden, da kein Schreibvorgang lief.</translation>
    </message>
    <message>
        <source>Could not save the changes.</source>
        <translation>Die Änderungen konnten nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>WriterLock</name>
    <message>
        <source>The profile %1 is already open for writing in another program. Only one program at a time can write to a profile.</source>
        <translation>Das Profil %1 ist bereits in einem anderen Programm zum Schreiben geöffnet. Es kann immer nur ein Programm zugleich in ein Profil schreiben.</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>einem anderen Programm</translation>
    </message>
    <message>
        <source>%1 (process %2)</source>
        <translation>%1 (Prozess %2)</translation>
    </message>
    <message>
        <source>%1 (process %2 on %3)</source>
        <translation>%1 (Prozess %2 auf %3)</translation>
    </message>
    <message>
        <source>The profile %1 is already open for writing by %2. Only one program at a time can write to a profile; close it first. Reading the history still works.</source>
        <translation>Das Profil %1 ist bereits von %2 zum Schreiben geöffnet. Es kann immer nur ein Programm zugleich in ein Profil schreiben; das andere Programm bitte zuerst beenden. Der Verlauf lässt sich weiterhin lesen.</translation>
    </message>
    <message>
        <source>Cannot write to the profile %1: permission denied.</source>
        <translation>In das Profil %1 kann nicht geschrieben werden: Zugriff verweigert.</translation>
    </message>
    <message>
        <source>Cannot lock the profile %1 for writing.</source>
        <translation>Das Profil %1 kann nicht zum Schreiben gesperrt werden.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Instant messaging over SIP MESSAGE.</source>
        <translation>Sofortnachrichten über SIP MESSAGE.</translation>
    </message>
    <message>
        <source>Keep all data in directory &lt;dir&gt; (default: $TIDINGS_PROFILE, else %1).</source>
        <translation>Alle Daten im Verzeichnis &lt;Verzeichnis&gt; ablegen (Vorgabe: $TIDINGS_PROFILE, sonst %1).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verzeichnis</translation>
    </message>
</context>
<context>
    <name>tidings::AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Application id: %1</source>
        <translation>Anwendungskennung: %1</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2</translation>
    </message>
    <message>
        <source>Instant messaging over SIP MESSAGE (RFC 3428).</source>
        <translation>Sofortnachrichten über SIP MESSAGE (RFC 3428).</translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>Lizenziert unter der GNU General Public License, Version 3 oder neuer.</translation>
    </message>
</context>
<context>
    <name>tidings::AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Add a SIP account</source>
        <translation>SIP-Konto hinzufügen</translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation>SIP-Adresse</translation>
    </message>
    <message>
        <source>alice@example.com</source>
        <translation>alice@example.com</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>shown to the people you write to</source>
        <translation>wird den Personen angezeigt, denen Sie schreiben</translation>
    </message>
    <message>
        <source>SIP &amp;address:</source>
        <translation>SIP-&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>The password is kept in your system&apos;s keychain.</source>
        <translation>Das Passwort wird im Schlüsselbund Ihres Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>No keychain is available: the password is kept only while Tidings runs and asked for again next time.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Passwort wird nur aufbewahrt, solange Tidings läuft, und beim nächsten Mal erneut abgefragt.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Authentication user</source>
        <translation>Authentifizierungsbenutzer</translation>
    </message>
    <message>
        <source>the address&apos;s user part</source>
        <translation>der Benutzerteil der Adresse</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>the address&apos;s domain</source>
        <translation>die Domain der Adresse</translation>
    </message>
    <message>
        <source>Outbound proxy</source>
        <translation>Outbound-Proxy</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>for a server with its own certificate authority</source>
        <translation>für einen Server mit eigener Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>CA-Zertifikatsdatei auswählen</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation>Keep-Alive-Intervall</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Authentication &amp;user:</source>
        <translation>Authentifizierungs&amp;benutzer:</translation>
    </message>
    <message>
        <source>&amp;Registrar:</source>
        <translation>&amp;Registrar:</translation>
    </message>
    <message>
        <source>Outbound &amp;proxy:</source>
        <translation>Outbound-Pro&amp;xy:</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <source>Trusted &amp;CA:</source>
        <translation>Vertrauenswürdige &amp;CA:</translation>
    </message>
    <message>
        <source>&amp;Keep-alive:</source>
        <translation>&amp;Keep-Alive:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Enter your SIP address, e.g. alice@example.com.</source>
        <translation>Bitte Ihre SIP-Adresse eingeben, z. B. alice@example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SIP address. It looks like alice@example.com.</source>
        <translation>„%1“ ist keine SIP-Adresse. Eine SIP-Adresse sieht so aus: alice@example.com.</translation>
    </message>
    <message>
        <source>The registrar &quot;%1&quot; is not a SIP address (e.g. sip:example.com).</source>
        <translation>Der Registrar „%1“ ist keine SIP-Adresse (z. B. sip:example.com).</translation>
    </message>
    <message>
        <source>The outbound proxy &quot;%1&quot; is not a SIP address (e.g. sip:proxy.example.com).</source>
        <translation>Der Outbound-Proxy „%1“ ist keine SIP-Adresse (z. B. sip:proxy.example.com).</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>A sips: address is only used over TLS; choose TLS or Automatic.</source>
        <translation>Eine sips:-Adresse wird nur über TLS verwendet; bitte TLS oder Automatisch wählen.</translation>
    </message>
</context>
<context>
    <name>tidings::AccountSession</name>
    <message>
        <source>TLS setup failed: %1</source>
        <translation>TLS-Einrichtung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address.</source>
        <translation>„%1“ ist keine gültige Adresse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid outbound proxy address.</source>
        <translation>„%1“ ist keine gültige Outbound-Proxy-Adresse.</translation>
    </message>
    <message>
        <source>cannot open any local socket to send from.</source>
        <translation>es lässt sich kein lokaler Socket zum Senden öffnen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SIP address (sip:user@example.com).</source>
        <translation>„%1“ ist keine SIP-Adresse (sip:user@example.com).</translation>
    </message>
    <message>
        <source>No registrar can be derived from %1; enter the registrar&apos;s address.</source>
        <translation>Aus %1 lässt sich kein Registrar ableiten; bitte die Adresse des Registrars eingeben.</translation>
    </message>
    <message>
        <source>Cannot listen on port %1 or any other: %2</source>
        <translation>Weder auf Port %1 noch auf einem anderen Port kann empfangen werden: %2</translation>
    </message>
    <message>
        <source>Cannot open any network socket: %1</source>
        <translation>Es lässt sich kein Netzwerk-Socket öffnen: %1</translation>
    </message>
</context>
<context>
    <name>tidings::ChatView</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
</context>
<context>
    <name>tidings::Composer</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben…</translation>
    </message>
</context>
<context>
    <name>tidings::ConversationDelegate</name>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Sie: %1</translation>
    </message>
</context>
<context>
    <name>tidings::ConversationListModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidings::ConversationListPane</name>
    <message>
        <source>Filter conversations</source>
        <translation>Unterhaltungen filtern</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>Neue Unterhaltung (Strg+N)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>No conversations yet.
Start one with New (Ctrl+N).</source>
        <translation>Noch keine Unterhaltungen.
Mit „Neu“ (Strg+N) eine beginnen.</translation>
    </message>
    <message>
        <source>No conversation matches &quot;%1&quot;.</source>
        <translation>Keine Unterhaltung passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>tidings::ConversationPane</name>
    <message>
        <source>Choose a conversation, or start a new one with Ctrl+N</source>
        <translation>Unterhaltung auswählen oder mit Strg+N eine neue beginnen</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send (Enter); Shift+Enter starts a new line</source>
        <translation>Senden (Eingabetaste); Umschalt+Eingabetaste beginnt eine neue Zeile</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>%1 is not in your contacts.</source>
        <translation>%1 ist nicht in Ihren Kontakten.</translation>
    </message>
    <message>
        <source>The account of this conversation was removed. Add it again (Accounts → Add a SIP account…) to write from it.</source>
        <translation>Das Konto dieser Unterhaltung wurde entfernt. Um darüber zu schreiben, das Konto erneut hinzufügen (Konten → SIP-Konto hinzufügen…).</translation>
    </message>
    <message>
        <source>Your account is not online (%1). What you write waits in the outbox and goes out when it is.</source>
        <translation>Ihr Konto ist nicht online (%1). Was Sie schreiben, wartet im Postausgang und wird gesendet, sobald das Konto online ist.</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Delete this message from your history?</source>
        <translation>Diese Nachricht aus Ihrem Verlauf löschen?</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>tidings::Courier</name>
    <message>
        <source>%1 is not a SIP address.</source>
        <translation>%1 ist keine SIP-Adresse.</translation>
    </message>
    <message numerus="yes">
        <source>The recipient is still answering the first copy of this message (482 Loop Detected); it goes again in %n second(s).</source>
        <translation>
            <numerusform>Der Empfänger beantwortet noch die erste Kopie dieser Nachricht (482 Loop Detected); sie wird in %n Sekunde erneut gesendet.</numerusform>
            <numerusform>Der Empfänger beantwortet noch die erste Kopie dieser Nachricht (482 Loop Detected); sie wird in %n Sekunden erneut gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>no final response</source>
        <translation>keine endgültige Antwort</translation>
    </message>
</context>
<context>
    <name>tidings::LocalAccountDialog</name>
    <message>
        <source>Use without a server</source>
        <translation>Ohne Server verwenden</translation>
    </message>
    <message>
        <source>Tidings listens on this computer&apos;s network. Give your SIP address to the people you want to chat with; they write to it directly, without a server in between.</source>
        <translation>Tidings empfängt Nachrichten im Netzwerk dieses Computers. Geben Sie Ihre SIP-Adresse den Personen, mit denen Sie chatten möchten; sie schreiben direkt an diese Adresse, ohne Server dazwischen.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Network address</source>
        <translation>Netzwerkadresse</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>When another program uses this port, Tidings takes a free one.</source>
        <translation>Wenn ein anderes Programm diesen Port belegt, verwendet Tidings einen freien.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
</context>
<context>
    <name>tidings::MainWindow</name>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>Ü&amp;ber %1</translation>
    </message>
    <message>
        <source>Opening your profile…</source>
        <translation>Ihr Profil wird geöffnet…</translation>
    </message>
    <message>
        <source>Copy my address</source>
        <translation>Meine Adresse kopieren</translation>
    </message>
    <message>
        <source>Copy my SIP address</source>
        <translation>Meine SIP-Adresse kopieren</translation>
    </message>
    <message>
        <source>Tidings cannot open this profile.

%1</source>
        <translation>Tidings kann dieses Profil nicht öffnen.

%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;New conversation…</source>
        <translation>&amp;Neue Unterhaltung…</translation>
    </message>
    <message>
        <source>&amp;Find conversation</source>
        <translation>Unterhaltung &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>&amp;Add a SIP account…</source>
        <translation>SIP-Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Use &amp;without a server…</source>
        <translation>&amp;Ohne Server verwenden…</translation>
    </message>
    <message>
        <source>Copy my address (%1)</source>
        <translation>Meine Adresse kopieren (%1)</translation>
    </message>
    <message>
        <source>Enter password…</source>
        <translation>Passwort eingeben…</translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>%1: reachable at %2</source>
        <translation>%1: erreichbar unter %2</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Use without a server</source>
        <translation>Ohne Server verwenden</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove %1? It signs out and is no longer used. Its conversations stay readable, and adding the same address again brings them back.</source>
        <translation>%1 entfernen? Das Konto wird abgemeldet und nicht mehr verwendet. Seine Unterhaltungen bleiben lesbar, und wenn Sie dieselbe Adresse erneut hinzufügen, sind sie wieder da.</translation>
    </message>
    <message>
        <source>Also delete its conversations and history</source>
        <translation>Auch seine Unterhaltungen und den Verlauf löschen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>Name for %1:</source>
        <translation>Name für %1:</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <source>Block %1? Their messages will not be shown or stored; they are %2.</source>
        <translation>%1 blockieren? Nachrichten dieses Absenders werden weder angezeigt noch gespeichert, sondern %2.</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>accepted and dropped silently</source>
        <translation>angenommen und stillschweigend verworfen</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Wird abgemeldet…</translation>
    </message>
</context>
<context>
    <name>tidings::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>sent %1, delivered late</source>
        <translation>gesendet am %1, verspätet zugestellt</translation>
    </message>
    <message>
        <source>sent %1, delivered late at %2</source>
        <translation>gesendet um %1, verspätet zugestellt um %2</translation>
    </message>
    <message>
        <source>delivered late</source>
        <translation>verspätet zugestellt</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>tidings::MessageListModel</name>
    <message>
        <source>Delivered late</source>
        <translation>Verspätet zugestellt</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Accepted by the server, not yet delivered</source>
        <translation>Vom Server angenommen, noch nicht zugestellt</translation>
    </message>
    <message>
        <source>Failed: %1 %2</source>
        <translation>Fehlgeschlagen: %1 %2</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>They</source>
        <translation>Gegenüber</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 um %2: %3</translation>
    </message>
</context>
<context>
    <name>tidings::Messenger</name>
    <message>
        <source>The account is already connected to a SIP stack.</source>
        <translation>Das Konto ist bereits mit einem SIP-Stack verbunden.</translation>
    </message>
    <message>
        <source>This message is %1 KiB long; Tidings sends at most %2 KiB in one message. Split it into shorter ones.</source>
        <translation>Diese Nachricht ist %1 KiB lang; Tidings sendet höchstens %2 KiB pro Nachricht. Bitte in kürzere Nachrichten aufteilen.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Die Nachricht ist leer.</translation>
    </message>
</context>
<context>
    <name>tidings::MessengerService</name>
    <message>
        <source>No password is stored for this account</source>
        <translation>Für dieses Konto ist kein Passwort gespeichert</translation>
    </message>
    <message>
        <source>The account no longer exists.</source>
        <translation>Das Konto existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>tidings::NewConversationDialog</name>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>From account</source>
        <translation>Von Konto</translation>
    </message>
    <message>
        <source>SIP address or contact</source>
        <translation>SIP-Adresse oder Kontakt</translation>
    </message>
    <message>
        <source>bob@example.com, or a contact&apos;s name</source>
        <translation>bob@example.com oder Name eines Kontakts</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Add an account first: there is nothing to send from.</source>
        <translation>Bitte zuerst ein Konto hinzufügen: Ohne Konto kann nichts gesendet werden.</translation>
    </message>
    <message>
        <source>Enter a SIP address, e.g. bob@example.com.</source>
        <translation>Bitte eine SIP-Adresse eingeben, z. B. bob@example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a contact, and an address has no spaces (e.g. bob@example.com).</source>
        <translation>„%1“ ist kein Kontakt, und eine Adresse enthält keine Leerzeichen (z. B. bob@example.com).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SIP address. It looks like bob@example.com or sip:bob@192.168.1.20:5060.</source>
        <translation>„%1“ ist keine SIP-Adresse. Eine SIP-Adresse sieht so aus: bob@example.com oder sip:bob@192.168.1.20:5060.</translation>
    </message>
</context>
<context>
    <name>tidings::RegistrationPrinter</name>
    <message>
        <source>registration of %1 failed: %2; trying again in %3 s</source>
        <translation>Registrierung von %1 fehlgeschlagen: %2; neuer Versuch in %3 s</translation>
    </message>
</context>
<context>
    <name>tidings::SecretStore</name>
    <message>
        <source>access to the keychain was refused</source>
        <translation>der Zugriff auf den Schlüsselbund wurde verweigert</translation>
    </message>
    <message>
        <source>no keychain service is available</source>
        <translation>es ist kein Schlüsselbunddienst verfügbar</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Passwords are kept in memory only (%1); they will be asked again at the next start.</source>
        <translation>Passwörter werden nur im Arbeitsspeicher aufbewahrt (%1); beim nächsten Start werden sie erneut abgefragt.</translation>
    </message>
</context>
<context>
    <name>tidings::ServiceWorker</name>
    <message>
        <source>The profile is not open.</source>
        <translation>Das Profil ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>tidings::WelcomePage</name>
    <message>
        <source>Welcome to %1</source>
        <translation>Willkommen bei %1</translation>
    </message>
    <message>
        <source>Chat over SIP: with your company&apos;s or provider&apos;s SIP account, or directly with people on your network.</source>
        <translation>Chatten über SIP: mit dem SIP-Konto Ihres Unternehmens oder Anbieters oder direkt mit Personen in Ihrem Netzwerk.</translation>
    </message>
    <message>
        <source>Add a SIP account</source>
        <translation>SIP-Konto hinzufügen</translation>
    </message>
    <message>
        <source>Your address and password from your PBX or SIP provider</source>
        <translation>Ihre Adresse und Ihr Passwort von Ihrer Telefonanlage oder Ihrem SIP-Anbieter</translation>
    </message>
    <message>
        <source>Use without a server</source>
        <translation>Ohne Server verwenden</translation>
    </message>
    <message>
        <source>Chat directly with people on this network</source>
        <translation>Direkt mit Personen in diesem Netzwerk chatten</translation>
    </message>
</context>
</TS>
