<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>CaseReport</name>
    <message>
        <source>none (no EXIF, IPTC or XMP; common after re-saving, and not evidence either way)</source>
        <translation>keine (weder EXIF noch IPTC noch XMP; nach erneutem Speichern üblich und kein Beweis in die eine oder andere Richtung)</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>Einträge: %1</translation>
    </message>
    <message>
        <source>Image forensics case report</source>
        <translation>Bildforensischer Fallbericht</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analyst</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(nicht genannt)</translation>
    </message>
    <message>
        <source>Report created</source>
        <translation>Bericht erstellt</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>ClipFlow Forensics %1</source>
        <translation>ClipFlow Forensics %1</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>Falldatei</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beweismittel</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Evidence integrity: %n file(s) differ from the case record.</source>
        <translation>
            <numerusform>Integrität: %n Datei weicht vom Fallprotokoll ab.</numerusform>
            <numerusform>Integrität: %n Dateien weichen vom Fallprotokoll ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Evidence integrity: all %1 files match the SHA-256 recorded in the case.</source>
        <translation>Integrität: alle %1 Dateien stimmen mit dem im Fall gespeicherten SHA-256 überein.</translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation>Notizen zum Fall</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>Überwacht</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>nicht analysiert</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>uneinig</translation>
    </message>
    <message>
        <source>Verdicts are statements of statistical evidence, not of fact. Absence of detection is not proof of authenticity; resizing and recompression weaken every detector. See “Method and limitations”.</source>
        <translation>Urteile sind Aussagen über statistische Evidenz, nicht über Tatsachen. Fehlende Erkennung ist kein Echtheitsbeweis; Skalierung und erneute Kompression schwächen jeden Detektor. Siehe „Methode und Grenzen“.</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Evidence %1: %2</source>
        <translation>Beweismittel %1: %2</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>failed:</source>
        <translation>fehlgeschlagen:</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>%1 bytes; %2 × %3 px %4, %5-bit %6</source>
        <translation>%1 Bytes; %2 × %3 px %4, %5 Bit %6</translation>
    </message>
    <message>
        <source>Times (UTC)</source>
        <translation>Zeiten (UTC)</translation>
    </message>
    <message>
        <source>file modified %1; read and hashed %2</source>
        <translation>Datei geändert %1; gelesen und gehasht %2</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Pixel grid</source>
        <translation>Pixelraster</translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation>Detektoren</translation>
    </message>
    <message>
        <source>This image was in the model&apos;s training or calibration set.</source>
        <translation>Dieses Bild gehörte zu den Trainings- oder Kalibrierdaten des Modells.</translation>
    </message>
    <message>
        <source>CLIP-Flow (%1)</source>
        <translation>CLIP-Flow (%1)</translation>
    </message>
    <message>
        <source>if AI</source>
        <translation>falls KI</translation>
    </message>
    <message>
        <source>This image was in the model&apos;s training set.</source>
        <translation>Dieses Bild gehörte zu den Trainingsdaten des Modells.</translation>
    </message>
    <message>
        <source>Supervised (%1)</source>
        <translation>Überwacht (%1)</translation>
    </message>
    <message>
        <source>The detectors disagree: weigh the spectra and the provenance.</source>
        <translation>Die Detektoren sind sich uneinig: Spektren und Herkunft abwägen.</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>Stored pixels</source>
        <translation>Gespeicherte Pixel</translation>
    </message>
    <message>
        <source>Luminance power spectrum; circles mark periodic peaks (%1 found)</source>
        <translation>Leistungsspektrum der Luminanz; Kreise markieren periodische Spitzen (%1 gefunden)</translation>
    </message>
    <message>
        <source>Radial profiles</source>
        <translation>Radiale Profile</translation>
    </message>
    <message>
        <source>CLIP-Flow score among held-out natural photos</source>
        <translation>CLIP-Flow-Wert unter zurückgehaltenen natürlichen Fotos</translation>
    </message>
    <message>
        <source>Analyst notes</source>
        <translation>Notizen des Analysten</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>No detector model was loaded.</source>
        <translation>Es wurde kein Detektormodell geladen.</translation>
    </message>
    <message>
        <source>Method and limitations</source>
        <translation>Methode und Grenzen</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;CLIP-Flow&lt;/b&gt; models the image features of natural photographs with a normalizing flow trained without any AI-generated image: it learns to give natural photos a high likelihood and &lt;i&gt;proxy&lt;/i&gt; images (the same photos with their Fourier spectra altered the way generators alter them) a low one. An image&apos;s log-likelihood is compared with those of held-out natural photos: the p-value is the share of natural photos scoring as low or lower, and the verdict follows from it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The supervised detector&lt;/b&gt; was trained on real photos and images from named generators; it gives the probability that the image is AI-generated and the most likely generator among those it knows.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Spectra&lt;/b&gt; show what the detectors react to: up-sampling in generators leaves periodic peaks and a raised or lowered high-frequency tail in the radial profile. The analyst can check them directly.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Limitations.&lt;/b&gt; Absence of detection is not proof of authenticity. Recompression, resizing, screenshots and filters weaken every detector and raise the false-positive rate on real photos. A generator unlike anything in training may go unnoticed. Scores are evidence to weigh with provenance, metadata and context, never a verdict on their own. The calibrated false-positive rate holds for photos like the calibration set; for others it is only indicative.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Integrity.&lt;/b&gt; Each file was hashed with SHA-256 when read; the analysis used exactly those bytes and the file was never modified.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;CLIP-Flow&lt;/b&gt; modelliert die Bildmerkmale natürlicher Fotografien mit einem Normalizing Flow, der ohne ein einziges KI-generiertes Bild trainiert wurde: Er lernt, natürlichen Fotos eine hohe und &lt;i&gt;Proxy&lt;/i&gt;-Bildern (denselben Fotos, deren Fourier-Spektrum so verändert wurde, wie Generatoren es verändern) eine niedrige Wahrscheinlichkeit zu geben. Die Log-Likelihood eines Bildes wird mit der zurückgehaltener natürlicher Fotos verglichen: Der p-Wert ist der Anteil natürlicher Fotos mit gleich niedrigem oder niedrigerem Wert, und daraus folgt das Urteil.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Der überwachte Detektor&lt;/b&gt; wurde mit echten Fotos und Bildern benannter Generatoren trainiert; er gibt die Wahrscheinlichkeit an, dass das Bild KI-generiert ist, und den wahrscheinlichsten ihm bekannten Generator.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Spektren&lt;/b&gt; zeigen, worauf die Detektoren reagieren: Hochskalierung in Generatoren hinterlässt periodische Spitzen und einen angehobenen oder abgesenkten Hochfrequenzausläufer im radialen Profil. Der Analyst kann sie direkt prüfen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Grenzen.&lt;/b&gt; Fehlende Erkennung ist kein Echtheitsbeweis. Erneute Kompression, Skalierung, Bildschirmfotos und Filter schwächen jeden Detektor und erhöhen die Falsch-Positiv-Rate bei echten Fotos. Ein Generator, der nichts aus dem Training ähnelt, kann unbemerkt bleiben. Werte sind Indizien, die mit Herkunft, Metadaten und Kontext abzuwägen sind, nie ein Urteil für sich. Die kalibrierte Falsch-Positiv-Rate gilt für Fotos wie die Kalibrierdaten; für andere ist sie nur ein Anhaltspunkt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Integrität.&lt;/b&gt; Jede Datei wurde beim Lesen mit SHA-256 gehasht; die Analyse verwendete genau diese Bytes, und die Datei wurde nie verändert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Case report</source>
        <translation>Fallbericht</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>hashed again after the analysis: unchanged</source>
        <translation>nach der Analyse erneut gehasht: unverändert</translation>
    </message>
    <message>
        <source>changed during the analysis (%1); the results describe the bytes read at intake</source>
        <translation>während der Analyse geändert (%1); die Ergebnisse beschreiben die beim Einlesen gelesenen Bytes</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>see the provenance section</source>
        <translation>siehe Abschnitt Herkunft</translation>
    </message>
    <message>
        <source>Heat map: natural</source>
        <translation>Heatmap: natürlich</translation>
    </message>
    <message>
        <source>less natural</source>
        <translation>weniger natürlich</translation>
    </message>
    <message>
        <source>The CLIP-Flow detector&apos;s score of each 256-pixel tile of the stored pixels (%1 × %2 tiles, overlapping); a tile&apos;s score is noisier than the image&apos;s, so weigh regions, not single tiles.</source>
        <translation>Die Bewertung des CLIP-Flow-Detektors für jede 256-Pixel-Kachel der gespeicherten Pixel (%1 × %2 Kacheln, überlappend); die Bewertung einer Kachel ist verrauschter als die des Bildes: Bewerten Sie Regionen, nicht einzelne Kacheln.</translation>
    </message>
    <message>
        <source>JPEG structure</source>
        <translation>JPEG-Struktur</translation>
    </message>
    <message>
        <source>&lt;p&gt;The supervised detector&apos;s level is read as CLIP-Flow&apos;s is: its log odds of a real photo are compared with those of %1 natural photos it never saw, and the verdict follows from that p-value, not from its probability alone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Stufe des überwachten Detektors wird wie die von CLIP-Flow gelesen: seine logarithmierte Chance eines echten Fotos wird mit der von %1 natürlichen Fotos verglichen, die er nie gesehen hat, und das Urteil folgt aus diesem p-Wert, nicht aus seiner Wahrscheinlichkeit allein.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No JPEG ghosts: %1</source>
        <translation>Keine JPEG-Geister: %1</translation>
    </message>
    <message>
        <source>No heat map: %1</source>
        <translation>Keine Heatmap: %1</translation>
    </message>
    <message>
        <source>%1 among natural photos</source>
        <translation>%1 unter natürlichen Fotos</translation>
    </message>
    <message>
        <source>Name and format</source>
        <translation>Name und Format</translation>
    </message>
</context>
<context>
    <name>JpegHtml</name>
    <message>
        <source>The JPEG structure could not be read:</source>
        <translation>Die JPEG-Struktur konnte nicht gelesen werden:</translation>
    </message>
    <message>
        <source>Not a JPEG file (%1): no quantization tables to read.</source>
        <translation>Keine JPEG-Datei (%1): keine Quantisierungstabellen zu lesen.</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>luminance %1, chrominance %2: libjpeg&apos;s standard tables (most software, web services and generators&apos; savers)</source>
        <translation>Luminanz %1, Chrominanz %2: Standardtabellen von libjpeg (die meisten Programme, Webdienste und Speicherfunktionen von Generatoren)</translation>
    </message>
    <message>
        <source>luminance ≈ %1, chrominance ≈ %2: the file&apos;s own tables (cameras, phones, some editors)</source>
        <translation>Luminanz ≈ %1, Chrominanz ≈ %2: eigene Tabellen der Datei (Kameras, Telefone, manche Editoren)</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <source>%1 × %2, %3, %4</source>
        <translation>%1 × %2, %3, %4</translation>
    </message>
    <message>
        <source>progressive</source>
        <translation>progressiv</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>not tested (%1)</source>
        <translation>nicht geprüft (%1)</translation>
    </message>
    <message>
        <source>indicated</source>
        <translation>angezeigt</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>the DCT histograms show the periodic gaps or peaks of a second save with other tables. The image was saved as JPEG at least twice: re-saved by an editor, a messenger or a web service. Ordinary for files that travelled; not expected of a camera original.</source>
        <translation>die DCT-Histogramme zeigen die periodischen Lücken oder Spitzen einer zweiten Speicherung mit anderen Tabellen. Das Bild wurde mindestens zweimal als JPEG gespeichert: von einem Editor, einem Messenger oder einem Webdienst. Üblich für weitergegebene Dateien; für ein Kameraoriginal nicht zu erwarten.</translation>
    </message>
    <message>
        <source>not indicated (score %1): the DCT histograms fall off smoothly, as after one save (a second save at a higher quality than the first, or with the same tables, leaves no such trace)</source>
        <translation>nicht angezeigt (Wert %1): die DCT-Histogramme fallen gleichmäßig ab, wie nach einer Speicherung (eine zweite Speicherung mit höherer Qualität als die erste oder mit denselben Tabellen hinterlässt diese Spur nicht)</translation>
    </message>
    <message>
        <source>Double compression</source>
        <translation>Doppelte Kompression</translation>
    </message>
    <message>
        <source>none (many programs drop it; its absence means nothing)</source>
        <translation>keine (viele Programme entfernen sie; ihr Fehlen bedeutet nichts)</translation>
    </message>
    <message>
        <source>present but unreadable</source>
        <translation>vorhanden, aber unlesbar</translation>
    </message>
    <message>
        <source>%1 × %2, shows the same picture (mean difference %3 grey levels)</source>
        <translation>%1 × %2, zeigt dasselbe Bild (mittlere Abweichung %3 Graustufen)</translation>
    </message>
    <message>
        <source>does not match</source>
        <translation>stimmt nicht überein</translation>
    </message>
    <message>
        <source>%1 × %2: %3. The camera wrote the thumbnail with the picture; a picture cropped, retouched or replaced afterwards by software that kept the old thumbnail no longer matches it.</source>
        <translation>%1 × %2: %3. Die Kamera schrieb das Vorschaubild zusammen mit dem Bild; ein Bild, das danach von einer Software zugeschnitten, retuschiert oder ersetzt wurde, die das alte Vorschaubild behielt, passt nicht mehr dazu.</translation>
    </message>
    <message>
        <source>EXIF thumbnail</source>
        <translation>EXIF-Vorschaubild</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>These are properties of the file, not of the scene: they say how it was saved, not whether an AI made it. A generator&apos;s output saved by an editor looks like any other edited JPEG.</source>
        <translation>Dies sind Eigenschaften der Datei, nicht der Szene: Sie sagen, wie sie gespeichert wurde, nicht ob eine KI sie erzeugt hat. Die Ausgabe eines Generators, von einem Editor gespeichert, sieht aus wie jedes andere bearbeitete JPEG.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Error level analysis&lt;/b&gt; (re-saved at JPEG quality 90, differences ×20): regions saved fewer times than the rest (pasted in) may stand out; edges and texture always do. A pointer for the eye, never a finding.</source>
        <translation>&lt;b&gt;Fehlerniveauanalyse&lt;/b&gt; (erneut als JPEG Qualität 90 gespeichert, Differenzen ×20): Bereiche, die seltener gespeichert wurden als der Rest (eingefügt), können hervortreten; Kanten und Texturen tun es immer. Ein Hinweis fürs Auge, nie ein Befund.</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts&lt;/b&gt; (the image re-saved at each quality; dark: changed least): a region darker than the rest in one quality&apos;s map was probably saved at that quality before the rest. Needs the region on the rest&apos;s 8 × 8 grid. A pointer for the eye, never a finding.</source>
        <translation>&lt;b&gt;JPEG-Geister&lt;/b&gt; (das Bild erneut mit jeder Qualität gespeichert; dunkel: am wenigsten verändert): Ein Bereich, der in der Karte einer Qualität dunkler ist als der Rest, wurde wahrscheinlich vor dem Rest mit dieser Qualität gespeichert. Der Bereich muss auf dem 8 × 8-Raster des Rests liegen. Ein Hinweis fürs Auge, nie ein Befund.</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts&lt;/b&gt; on another 8 × 8 grid, %1 column(s) and %2 row(s) past the image&apos;s (the image re-saved at each quality; dark: changed least): a region pasted from another JPEG on that grid may be darker than the rest in the map of the quality it was saved at first, while the image&apos;s own blocks, cut anew, change least at the highest quality. A pointer for the eye, never a finding.</source>
        <translation>&lt;b&gt;JPEG-Geister&lt;/b&gt; auf einem anderen 8 × 8-Raster, %1 Spalte(n) und %2 Zeile(n) neben dem des Bildes (das Bild erneut mit jeder Qualität gespeichert; dunkel: am wenigsten verändert): Ein Bereich, der aus einem anderen JPEG auf dieses Raster eingefügt wurde, kann in der Karte der Qualität, mit der er zuerst gespeichert wurde, dunkler sein als der Rest, während die eigenen Blöcke des Bildes, neu geschnitten, sich bei der höchsten Qualität am wenigsten ändern. Ein Hinweis fürs Auge, nie ein Befund.</translation>
    </message>
    <message>
        <source>none stands out: never saved as JPEG, saved at a very high quality, or resized since</source>
        <translation>keines hebt sich ab: nie als JPEG gespeichert, mit sehr hoher Qualität gespeichert oder seither skaliert</translation>
    </message>
    <message>
        <source>from the image&apos;s corner, as a JPEG save of this picture leaves</source>
        <translation>ab der Bildecke, wie es das Speichern dieses Bildes als JPEG hinterlässt</translation>
    </message>
    <message>
        <source>offset by (%1, %2) from the image&apos;s corner: the picture was cut at a position that is no multiple of 8 (cropped) or padded after a JPEG save, and that save&apos;s blocks outlast the later ones</source>
        <translation>um (%1, %2) gegenüber der Bildecke versetzt: das Bild wurde nach einem JPEG-Speichern an einer Stelle, die kein Vielfaches von 8 ist, beschnitten oder aufgefüllt, und die Blöcke dieses Speicherns überdauern die späteren</translation>
    </message>
    <message>
        <source>Make the JPEG ghosts on this grid</source>
        <translation>JPEG-Geister auf diesem Raster erzeugen</translation>
    </message>
    <message>
        <source>8 × 8 block grid:</source>
        <translation>8 × 8-Blockraster:</translation>
    </message>
    <message>
        <source>8 × 8 block grid</source>
        <translation>8 × 8-Blockraster</translation>
    </message>
    <message>
        <source>from the image&apos;s corner</source>
        <translation>ab der Bildecke</translation>
    </message>
    <message>
        <source>offset by (%1, %2) from the image&apos;s corner</source>
        <translation>um (%1, %2) gegenüber der Bildecke versetzt</translation>
    </message>
    <message>
        <source>the pixels carry one, %1: this picture was saved as JPEG before, or made by a generator whose decoder enlarges an 8× smaller latent, which leaves traces on the same grid.</source>
        <translation>die Pixel tragen eines, %1: dieses Bild wurde schon einmal als JPEG gespeichert oder von einem Generator erzeugt, dessen Decoder einen 8× kleineren Latentraum vergrößert, was Spuren auf demselben Raster hinterlässt.</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <source>CLIP-Flow detector</source>
        <translation>CLIP-Flow-Detektor</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Basisnetz</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielfunktion</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>%1 natural photos (%2 for the flow, %3 held out for calibration); no AI-generated image. Proxies: %4 spectrally modified views.</source>
        <translation>%1 natürliche Fotos (%2 für den Flow, %3 zur Kalibrierung zurückgehalten); kein KI-generiertes Bild. Proxys: %4 spektral veränderte Ansichten.</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>Trainingsmenge</translation>
    </message>
    <message>
        <source>SHA-256 of the sorted file hashes %1</source>
        <translation>SHA-256 der sortierten Datei-Hashes %1</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>%1 held-out natural photos; median log-likelihood %2; threshold %3</source>
        <translation>%1 zurückgehaltene natürliche Fotos; mediane Log-Likelihood %2; Schwelle %3</translation>
    </message>
    <message>
        <source>False-positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <source>Held-out proxy AUC</source>
        <translation>Proxy-AUC (zurückgehalten)</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <source>%1 on %2, %3 epochs, ClipFlow %4</source>
        <translation>%1 auf %2, %3 Epochen, ClipFlow %4</translation>
    </message>
    <message>
        <source>Supervised detector</source>
        <translation>Überwachter Detektor</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>MLP (%1 hidden)</source>
        <translation>MLP (%1 verborgene Einheiten)</translation>
    </message>
    <message>
        <source>fine-tuned last %1 CLIP blocks</source>
        <translation>letzte %1 CLIP-Blöcke feinabgestimmt</translation>
    </message>
    <message>
        <source>linear probe</source>
        <translation>lineare Sonde</translation>
    </message>
    <message>
        <source>, few-shot</source>
        <translation>, wenige Beispiele</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>accuracy %1, ROC-AUC real vs AI %2 on %3 held-out images; temperature %4</source>
        <translation>Genauigkeit %1, ROC-AUC echt vs. KI %2 auf %3 zurückgehaltenen Bildern; Temperatur %4</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>Knows only the generators listed; others are “unknown” at best. A generator missing from training can pass as real.</source>
        <translation>Kennt nur die aufgeführten Generatoren; andere sind bestenfalls „unbekannt“. Ein im Training fehlender Generator kann als echt durchgehen.</translation>
    </message>
    <message>
        <source>%1, ClipFlow %2</source>
        <translation>%1, ClipFlow %2</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 held-out photos (flagged: p at most %4); expect more on resized or recompressed photos.</source>
        <translation>Höchstens %1 % der natürlichen Fotos werden markiert, mit %2 % Konfidenz bei %3 zurückgehaltenen Fotos (markiert: p höchstens %4); bei skalierten oder neu komprimierten Fotos mehr erwarten.</translation>
    </message>
    <message>
        <source>%1% of natural photos flagged on average; %2 held-out photos are too few to bound it; expect more on resized or recompressed photos.</source>
        <translation>Im Mittel %1 % der natürlichen Fotos markiert; %2 zurückgehaltene Fotos reichen nicht, um das zu begrenzen; bei skalierten oder neu komprimierten Fotos mehr erwarten.</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, as they are and as messengers deliver them (shorter side %5 px, JPEG %6), with %2% confidence given %3 held-out photos (flagged: p at most %4); other resizing or recompression may flag more.</source>
        <translation>Höchstens %1 % der natürlichen Fotos werden markiert, so wie sie sind und wie Messenger sie zustellen (kürzere Seite %5 px, JPEG %6), mit %2 % Konfidenz bei %3 zurückgehaltenen Fotos (markiert: p höchstens %4); andere Skalierung oder Kompression kann mehr markieren.</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 held-out photos (flagged: p at most %4). Small JPEG copies (shorter side at most %5 px), as messengers deliver photos, are read against the same photos delivered so (shrunk to a shorter side of at most %6 px, JPEG %7): at most %1% of such copies are flagged, with the same confidence (flagged: p at most %8).</source>
        <translation>Höchstens %1 % der natürlichen Fotos werden markiert, mit %2 % Konfidenz bei %3 zurückgehaltenen Fotos (markiert: p höchstens %4). Kleine JPEG-Kopien (kürzere Seite höchstens %5 px), wie Messenger Fotos zustellen, werden an denselben Fotos in dieser Form gemessen (verkleinert auf eine kürzere Seite von höchstens %6 px, JPEG %7): höchstens %1 % solcher Kopien werden markiert, mit derselben Konfidenz (markiert: p höchstens %8).</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 natural photos it never saw (flagged: p at most %4, i.e. p_ai above %5); photos unlike those may be flagged more often.</source>
        <translation>Höchstens %1 % der natürlichen Fotos werden markiert, mit %2 % Konfidenz bei %3 natürlichen Fotos, die das Modell nie gesehen hat (markiert: p höchstens %4, d. h. p_ai über %5); Fotos, die anders sind als diese, können häufiger markiert werden.</translation>
    </message>
    <message>
        <source>Not bounded: flagged at p_ai of 0.5 or more, which on photos unlike its training photos can be most of them. Calibrate it on natural photos it never saw (clipflow recalibrate).</source>
        <translation>Nicht begrenzt: markiert ab p_ai 0,5, was bei Fotos, die anders sind als seine Trainingsfotos, die meisten sein können. Kalibrieren Sie es mit natürlichen Fotos, die es nie gesehen hat (clipflow recalibrate).</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <source>Either: each view is read as it is and transposed, and the more natural reading counts, so a photo saved turned a quarter reads as the original (its calibration was read the same way).</source>
        <translation>Beide: Jede Ansicht wird so, wie sie ist, und transponiert gelesen, und die natürlichere Lesart zählt; ein um eine Vierteldrehung gedreht gespeichertes Foto wird daher wie das Original gelesen (seine Kalibrierung wurde ebenso gelesen).</translation>
    </message>
    <message>
        <source>As stored: a photo saved turned a quarter from the camera&apos;s orientation is flagged more often than the bound says (see the method documentation).</source>
        <translation>Wie gespeichert: Ein gegenüber der Kameraausrichtung um eine Vierteldrehung gedreht gespeichertes Foto wird öfter markiert, als die Schranke angibt (siehe Methodendokumentation).</translation>
    </message>
    <message>
        <source>Second reading</source>
        <translation>Zweite Lesart</translation>
    </message>
    <message>
        <source>%1; flow of %2. Each view counts as the less natural of the two flows&apos; readings, each measured against its own held-out photos.</source>
        <translation>%1; Fluss von %2. Jede Ansicht zählt als die weniger natürliche der beiden Lesarten der Flüsse, jede an ihren eigenen zurückgehaltenen Fotos gemessen.</translation>
    </message>
    <message>
        <source>%1 (the first reading alone)</source>
        <translation>%1 (nur die erste Lesart)</translation>
    </message>
</context>
<context>
    <name>ProvenanceHtml</name>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>vertrauenswürdig</translation>
    </message>
    <message>
        <source>not on your trust list</source>
        <translation>nicht auf Ihrer Vertrauensliste</translation>
    </message>
    <message>
        <source>&lt;i&gt;The file&apos;s metadata could not be read.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Die Metadaten der Datei konnten nicht gelesen werden.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Content Credentials (C2PA)</source>
        <translation>Content Credentials (C2PA)</translation>
    </message>
    <message>
        <source>Removed: the XMP points at a C2PA manifest the file no longer holds.</source>
        <translation>Entfernt: Das XMP verweist auf ein C2PA-Manifest, das die Datei nicht mehr enthält.</translation>
    </message>
    <message>
        <source>None in this file. Most files have none; platforms and editors often strip them: not evidence either way.</source>
        <translation>Keine in dieser Datei. Die meisten Dateien haben keine; Plattformen und Editoren entfernen sie oft: kein Beleg in die eine oder andere Richtung.</translation>
    </message>
    <message>
        <source>Present but unreadable:</source>
        <translation>Vorhanden, aber nicht lesbar:</translation>
    </message>
    <message>
        <source>(no certificate)</source>
        <translation>(kein Zertifikat)</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signiert von</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signiert am</translation>
    </message>
    <message>
        <source>no time-stamp</source>
        <translation>kein Zeitstempel</translation>
    </message>
    <message>
        <source> (time-stamp)</source>
        <translation> (Zeitstempel)</translation>
    </message>
    <message>
        <source>Claim generator</source>
        <translation>Claim-Generator</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Zusicherungen</translation>
    </message>
    <message>
        <source>Binding to the file</source>
        <translation>Bindung an die Datei</translation>
    </message>
    <message>
        <source>(you have added no trust anchors)</source>
        <translation>(Sie haben keine Vertrauensanker hinzugefügt)</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Unterzeichner</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>, with credentials of its own</source>
        <translation>, mit eigenen Content Credentials</translation>
    </message>
    <message>
        <source>Ingredients</source>
        <translation>Zutaten</translation>
    </message>
    <message>
        <source>Status codes</source>
        <translation>Statuscodes</translation>
    </message>
    <message>
        <source>A valid signature says who made these claims and that neither they nor the file changed since; it does not say the claims are true. No trust list ships with ClipFlow: add the certificates you trust in Preferences.</source>
        <translation>Eine gültige Signatur sagt, wer diese Angaben gemacht hat und dass weder sie noch die Datei sich seitdem geändert haben; sie sagt nicht, dass die Angaben wahr sind. ClipFlow liefert keine Vertrauensliste mit: Fügen Sie die Zertifikate, denen Sie vertrauen, in den Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>Generator metadata</source>
        <translation>Generator-Metadaten</translation>
    </message>
    <message>
        <source>Front end</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>CFG</source>
        <translation>CFG</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>Negativer Prompt</translation>
    </message>
    <message>
        <source>Nothing else: no generator settings or generator-naming tags outside the Content Credentials.</source>
        <translation>Sonst nichts: keine Generator-Einstellungen oder Generator-Tags außerhalb der Content Credentials.</translation>
    </message>
    <message>
        <source>No generator settings, IPTC source type or generator-naming tags.</source>
        <translation>Keine Generator-Einstellungen, kein IPTC-Quelltyp und keine Generator-Tags.</translation>
    </message>
    <message>
        <source>C2PA removed</source>
        <translation>C2PA entfernt</translation>
    </message>
    <message>
        <source>%1 settings</source>
        <translation>%1-Einstellungen</translation>
    </message>
    <message>
        <source>AI declared (%1)</source>
        <translation>KI angegeben (%1)</translation>
    </message>
    <message>
        <source>camera declared</source>
        <translation>Kamera angegeben</translation>
    </message>
</context>
<context>
    <name>ReportFigures</name>
    <message>
        <source>natural images as delivered (held out)</source>
        <translation>natürliche Bilder wie zugestellt (zurückgehalten)</translation>
    </message>
</context>
<context>
    <name>VerdictHtml</name>
    <message>
        <source>the model alone says: %1</source>
        <translation>das Modell allein sagt: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Urteil: %1</translation>
    </message>
    <message>
        <source>Robustness (ai_score after)</source>
        <translation>Robustheit (ai_score nach)</translation>
    </message>
    <message>
        <source>the score is close to the model&apos;s threshold (%1 = %2, threshold %3)</source>
        <translation>der Wert liegt nahe an der Schwelle des Modells (%1 = %2, Schwelle %3)</translation>
    </message>
    <message>
        <source>the verdict changes under %1</source>
        <translation>das Urteil ändert sich bei %1</translation>
    </message>
    <message>
        <source>the model&apos;s false-positive bound has not been shown to hold for %1 files</source>
        <translation>für %1-Dateien ist nicht belegt, dass die Falsch-Positiv-Schranke des Modells gilt</translation>
    </message>
    <message>
        <source>Not calibrated for %1 files: the model&apos;s false-positive bound has not been shown to hold for them, so this score alone never calls the image AI-made.</source>
        <translation>Nicht für %1-Dateien kalibriert: Für sie ist nicht belegt, dass die Falsch-Positiv-Schranke des Modells gilt; dieser Wert allein nennt das Bild daher nie KI-erzeugt.</translation>
    </message>
    <message>
        <source>Read as a small JPEG copy: percentile, p and level are against the model&apos;s held-out photos as messengers deliver them, not as taken.</source>
        <translation>Als kleine JPEG-Kopie gelesen: Perzentil, p und Stufe beziehen sich auf die zurückgehaltenen Fotos des Modells, wie Messenger sie zustellen, nicht wie aufgenommen.</translation>
    </message>
    <message>
        <source>no detector scored the image</source>
        <translation>kein Detektor hat das Bild bewertet</translation>
    </message>
    <message>
        <source>the detectors disagree</source>
        <translation>die Detektoren sind uneinig</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>überwacht</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>strong evidence of AI generation</source>
        <translation>starke Hinweise auf KI-Erzeugung</translation>
    </message>
    <message>
        <source>moderate evidence of AI generation</source>
        <translation>mäßige Hinweise auf KI-Erzeugung</translation>
    </message>
    <message>
        <source>weak evidence of AI generation</source>
        <translation>schwache Hinweise auf KI-Erzeugung</translation>
    </message>
    <message>
        <source>consistent with natural images</source>
        <translation>vereinbar mit natürlichen Bildern</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>mäßig</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>natural</source>
        <translation>natürlich</translation>
    </message>
    <message>
        <source>luminance</source>
        <translation>Luminanz</translation>
    </message>
    <message>
        <source>red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>Residuum</translation>
    </message>
    <message>
        <source>periodicity</source>
        <translation>Periodizität</translation>
    </message>
    <message>
        <source>p &lt; 10⁻⁶ (extrapolated)</source>
        <translation>p &lt; 10⁻⁶ (extrapoliert)</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>nicht eindeutig</translation>
    </message>
    <message>
        <source>JPEG 90</source>
        <translation>JPEG 90</translation>
    </message>
    <message>
        <source>JPEG 75</source>
        <translation>JPEG 75</translation>
    </message>
    <message>
        <source>75% size</source>
        <translation>75 % Größe</translation>
    </message>
    <message>
        <source>50% size</source>
        <translation>50 % Größe</translation>
    </message>
    <message>
        <source>no known generator</source>
        <translation>kein bekannter Generator</translation>
    </message>
    <message>
        <source>resembles %1</source>
        <translation>ähnelt %1</translation>
    </message>
    <message>
        <source>WebP (lossy)</source>
        <translation>WebP (verlustbehaftet)</translation>
    </message>
    <message>
        <source>WebP (lossless)</source>
        <translation>WebP (verlustfrei)</translation>
    </message>
    <message>
        <source>lossy WebP</source>
        <translation>verlustbehaftete WebP</translation>
    </message>
    <message>
        <source>palette-colour</source>
        <translation>Paletten</translation>
    </message>
    <message>
        <source>No images in %1 (images are found by their names&apos; endings, such as .jpg, .png, .tif, .webp, .heic)</source>
        <translation>Keine Bilder in %1 (Bilder werden an der Endung ihres Namens erkannt, etwa .jpg, .png, .tif, .webp, .heic)</translation>
    </message>
    <message>
        <source>%1 could not be read whole; the images in it are not listed (%2)</source>
        <translation>%1 konnte nicht vollständig gelesen werden; die Bilder darin sind nicht aufgeführt (%2)</translation>
    </message>
</context>
<context>
    <name>clipflow::app::CaseDialog</name>
    <message>
        <source>Case properties</source>
        <translation>Falleigenschaften</translation>
    </message>
    <message>
        <source>Case title</source>
        <translation>Falltitel</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analyst</translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation>Notizen zum Fall</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>clipflow::app::EvidenceModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Abmessungen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>CLIP-Flow p</source>
        <translation>CLIP-Flow p</translation>
    </message>
    <message>
        <source>p_ai</source>
        <translation>p_ai</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>analysing…</source>
        <translation>wird analysiert…</translation>
    </message>
    <message>
        <source>cannot analyse</source>
        <translation>nicht analysierbar</translation>
    </message>
    <message>
        <source>not analysed (cancelled)</source>
        <translation>nicht analysiert (abgebrochen)</translation>
    </message>
    <message>
        <source>no detector</source>
        <translation>kein Detektor</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>inconclusive: detectors disagree</source>
        <translation>nicht eindeutig: Detektoren uneinig</translation>
    </message>
</context>
<context>
    <name>clipflow::app::MainWindow</name>
    <message>
        <source>ClipFlow Forensics</source>
        <translation>ClipFlow Forensics</translation>
    </message>
    <message>
        <source>Drop an image here, or use File › Open.</source>
        <translation>Bild hier ablegen oder Datei › Öffnen verwenden.</translation>
    </message>
    <message>
        <source>Evidence details</source>
        <translation>Details zum Beweismittel</translation>
    </message>
    <message>
        <source>Detector results</source>
        <translation>Detektorergebnisse</translation>
    </message>
    <message>
        <source>Image (stored pixel grid)</source>
        <translation>Bild (gespeichertes Pixelraster)</translation>
    </message>
    <message>
        <source>Case integrity warning</source>
        <translation>Integritätswarnung zum Fall</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Your notes on this file: where it came from, what you checked. Saved in the case.</source>
        <translation>Ihre Notizen zu dieser Datei: Herkunft, was Sie geprüft haben. Werden im Fall gespeichert.</translation>
    </message>
    <message>
        <source>Analyst notes</source>
        <translation>Notizen des Analysten</translation>
    </message>
    <message>
        <source>Model cards</source>
        <translation>Modellkarten</translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation>Detektoren</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Spectra</source>
        <translation>Spektren</translation>
    </message>
    <message>
        <source>Among natural images (CLIP-Flow calibration)</source>
        <translation>Unter natürlichen Bildern (CLIP-Flow-Kalibrierung)</translation>
    </message>
    <message>
        <source>Filter (name, hash, format, verdict)…</source>
        <translation>Filtern (Name, Hash, Format, Urteil)…</translation>
    </message>
    <message>
        <source>Filter evidence</source>
        <translation>Beweismittel filtern</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beweismittel</translation>
    </message>
    <message>
        <source>Ready — ClipFlow Forensics %1</source>
        <translation>Bereit — ClipFlow Forensics %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n evidence file(s) differ from the case record:
</source>
        <translation>
            <numerusform>⚠ %n Beweisdatei weicht vom Fallprotokoll ab:
</numerusform>
            <numerusform>⚠ %n Beweisdateien weichen vom Fallprotokoll ab:
</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Recent &amp;files</source>
        <translation>&amp;Zuletzt geöffnete Dateien</translation>
    </message>
    <message>
        <source>&amp;Cancel queued analyses</source>
        <translation>Wartende Analysen &amp;abbrechen</translation>
    </message>
    <message>
        <source>Open &amp;case…</source>
        <translation>&amp;Fall öffnen…</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Fall öffnen</translation>
    </message>
    <message>
        <source>ClipFlow cases (*.cfcase)</source>
        <translation>ClipFlow-Fälle (*.cfcase)</translation>
    </message>
    <message>
        <source>Recent c&amp;ases</source>
        <translation>Zuletzt geöffnete F&amp;älle</translation>
    </message>
    <message>
        <source>&amp;Save case</source>
        <translation>Fall &amp;speichern</translation>
    </message>
    <message>
        <source>Save case</source>
        <translation>Fall speichern</translation>
    </message>
    <message>
        <source>Save case &amp;as…</source>
        <translation>Fall speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Case &amp;properties…</source>
        <translation>Fall&amp;eigenschaften…</translation>
    </message>
    <message>
        <source>&amp;Export report (PDF)…</source>
        <translation>Bericht &amp;exportieren (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelle…</translation>
    </message>
    <message>
        <source>&amp;Train a CLIP-Flow detector…</source>
        <translation>CLIP-Flow-Detektor &amp;trainieren…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ClipFlow Forensics</source>
        <translation>Ü&amp;ber ClipFlow Forensics</translation>
    </message>
    <message>
        <source>About ClipFlow Forensics</source>
        <translation>Über ClipFlow Forensics</translation>
    </message>
    <message>
        <source>&lt;b&gt;ClipFlow Forensics %1&lt;/b&gt;&lt;p&gt;Decide whether an image was made by an AI generator: CLIP-Flow (trained on natural photos only), a supervised detector, and spectra you can check yourself.&lt;/p&gt;&lt;p&gt;Absence of detection is not proof of authenticity.&lt;/p&gt;</source>
        <translation>&lt;b&gt;ClipFlow Forensics %1&lt;/b&gt;&lt;p&gt;Entscheiden, ob ein Bild von einem KI-Generator erzeugt wurde: CLIP-Flow (nur mit natürlichen Fotos trainiert), ein überwachter Detektor und Spektren, die Sie selbst prüfen können.&lt;/p&gt;&lt;p&gt;Fehlende Erkennung ist kein Echtheitsbeweis.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>Ordner mit Bildern öffnen</translation>
    </message>
    <message>
        <source>ClipFlow Forensics — %1</source>
        <translation>ClipFlow Forensics — %1</translation>
    </message>
    <message>
        <source>Export case report</source>
        <translation>Fallbericht exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Nothing to report yet: open and analyse images first.</source>
        <translation>Noch nichts zu berichten: zuerst Bilder öffnen und analysieren.</translation>
    </message>
    <message>
        <source>Report not written: %1</source>
        <translation>Bericht nicht geschrieben: %1</translation>
    </message>
    <message numerus="yes">
        <source>Report written to %1 (%n file(s))</source>
        <translation>
            <numerusform>Bericht nach %1 geschrieben (%n Datei)</numerusform>
            <numerusform>Bericht nach %1 geschrieben (%n Dateien)</numerusform>
        </translation>
    </message>
    <message>
        <source>Detectors changed; files opened from now on use them.</source>
        <translation>Detektoren gewechselt; ab jetzt geöffnete Dateien verwenden sie.</translation>
    </message>
    <message>
        <source>New detector</source>
        <translation>Neuer Detektor</translation>
    </message>
    <message>
        <source>Use the new detector for CLIP-Flow from now on?</source>
        <translation>Den neuen Detektor ab jetzt für CLIP-Flow verwenden?</translation>
    </message>
    <message>
        <source>Queued analyses cancelled</source>
        <translation>Wartende Analysen abgebrochen</translation>
    </message>
    <message>
        <source>Analysing %1 of %2: %3…</source>
        <translation>Analysiere %1 von %2: %3…</translation>
    </message>
    <message>
        <source>Analysed %1</source>
        <translation>Analysiert: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Case not saved: %1</source>
        <translation>Fall nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Case saved to %1</source>
        <translation>Fall gespeichert unter %1</translation>
    </message>
    <message>
        <source>Cannot open the case: %1</source>
        <translation>Fall kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Open evidence image</source>
        <translation>Beweisbild öffnen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Cannot analyse: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Nicht analysierbar: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;SHA-256 &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;%3×%4 %5, %6-bit %7, %8 bytes — %9 periodic peak(s)&lt;br&gt;&lt;i&gt;%10&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;SHA-256 &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;%3×%4 %5, %6 Bit %7, %8 Bytes — %9 periodische Spitze(n)&lt;br&gt;&lt;i&gt;%10&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Stored value: %1</source>
        <translation>Gespeicherter Wert: %1</translation>
    </message>
    <message>
        <source>Metadata (%1)</source>
        <translation>Metadaten (%1)</translation>
    </message>
    <message>
        <source>Metadata (unreadable)</source>
        <translation>Metadaten (unlesbar)</translation>
    </message>
    <message>
        <source>EXIF, IPTC and XMP through Exiv2</source>
        <translation>EXIF, IPTC und XMP über Exiv2</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The detectors disagree.&lt;/b&gt; Look at the spectra.&lt;br&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;Die Detektoren sind sich uneinig.&lt;/b&gt; Sehen Sie sich die Spektren an.&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;%1&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;%1&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;small&gt;Absence of evidence is not proof of authenticity; resizing and recompression weaken every detector.&lt;/small&gt;</source>
        <translation>&lt;br&gt;&lt;small&gt;Fehlender Nachweis ist kein Echtheitsbeweis; Skalierung und erneute Kompression schwächen jeden Detektor.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The file changed on disk during the analysis (%1); these results describe the bytes read at intake.&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;Die Datei hat sich während der Analyse auf dem Datenträger geändert (%1); diese Ergebnisse beschreiben die beim Einlesen gelesenen Bytes.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Trust anchors</source>
        <translation>Vertrauensanker</translation>
    </message>
    <message>
        <source>The C2PA trust anchors could not be read, so no signer is trusted: %1</source>
        <translation>Die C2PA-Vertrauensanker konnten nicht gelesen werden, daher ist kein Unterzeichner vertrauenswürdig: %1</translation>
    </message>
    <message>
        <source>Provenance ✓</source>
        <translation>Herkunft ✓</translation>
    </message>
    <message>
        <source>Provenance ✗</source>
        <translation>Herkunft ✗</translation>
    </message>
    <message>
        <source>Provenance •</source>
        <translation>Herkunft •</translation>
    </message>
    <message>
        <source>%1 bytes of text%2</source>
        <translation>%1 Byte Text%2</translation>
    </message>
    <message>
        <source>, cut at the reader&apos;s limit</source>
        <translation>, an der Grenze des Lesers abgeschnitten</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The file says it was AI-generated:&lt;/b&gt; %1 (see Provenance; metadata can be forged or removed)&lt;br&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;Die Datei gibt an, KI-erzeugt zu sein:&lt;/b&gt; %1 (siehe Herkunft; Metadaten können gefälscht oder entfernt werden)&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Content Credentials: %1 (see Provenance)&lt;br&gt;</source>
        <translation>&lt;br&gt;Content Credentials: %1 (siehe Herkunft)&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;The file&apos;s metadata claims a camera capture (IPTC %1); metadata can be forged.&lt;br&gt;</source>
        <translation>&lt;br&gt;Die Metadaten der Datei geben eine Kameraaufnahme an (IPTC %1); Metadaten können gefälscht werden.&lt;br&gt;</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Show the heat map</source>
        <translation>Heatmap anzeigen</translation>
    </message>
    <message>
        <source>natural</source>
        <translation>natürlich</translation>
    </message>
    <message>
        <source>less natural</source>
        <translation>weniger natürlich</translation>
    </message>
    <message>
        <source>Heat map ready</source>
        <translation>Heatmap fertig</translation>
    </message>
    <message>
        <source>No heat map: %1</source>
        <translation>Keine Heatmap: %1</translation>
    </message>
    <message>
        <source>Computing the heat map…</source>
        <translation>Heatmap wird berechnet…</translation>
    </message>
    <message>
        <source>the file changed on disk since it was analysed</source>
        <translation>die Datei hat sich seit der Analyse auf dem Datenträger geändert</translation>
    </message>
    <message>
        <source>JPEG structure</source>
        <translation>JPEG-Struktur</translation>
    </message>
    <message>
        <source>JPEG</source>
        <translation>JPEG</translation>
    </message>
    <message>
        <source>JPEG ⚠</source>
        <translation>JPEG ⚠</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%v von %m Dateien</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>Fortschritt des Stapels</translation>
    </message>
    <message>
        <source>estimating time left…</source>
        <translation>Restzeit wird geschätzt…</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>noch etwa %n s</numerusform>
            <numerusform>noch etwa %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>noch etwa %n min</numerusform>
            <numerusform>noch etwa %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Error level analysis</source>
        <translation>Fehlerniveauanalyse</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.bmp *.gif);;All files (*)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.bmp *.gif);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Supervised&lt;/b&gt; (%1)&lt;br&gt;%2&lt;br&gt;%3 · %4&lt;br&gt;</source>
        <translation>&lt;b&gt;Überwacht&lt;/b&gt; (%1)&lt;br&gt;%2&lt;br&gt;%3 · %4&lt;br&gt;</translation>
    </message>
    <message>
        <source>Where the CLIP-Flow detector finds the image least natural, tile by tile (256-pixel tiles at native resolution, overlapping). A tile&apos;s score is noisier than the image&apos;s: look for regions that stand out over several tiles, not single bright squares. Press H to switch it on or off.</source>
        <translation>Wo der CLIP-Flow-Detektor das Bild am wenigsten natürlich findet, Kachel für Kachel (256-Pixel-Kacheln in nativer Auflösung, überlappend). Die Bewertung einer Kachel ist verrauschter als die des Bildes: Achten Sie auf Regionen, die über mehrere Kacheln hervortreten, nicht auf einzelne helle Quadrate. Mit H ein- oder ausschalten.</translation>
    </message>
    <message>
        <source>Error levels</source>
        <translation>Fehlerniveaus</translation>
    </message>
    <message>
        <source>Show the error level analysis in place of the image, at the same zoom and place (JPEG files only; press E to switch between the two). Regions saved fewer times than the rest may stand out; edges and texture always do.</source>
        <translation>Die Fehlerniveauanalyse anstelle des Bildes zeigen, mit gleichem Zoom an gleicher Stelle (nur JPEG-Dateien; mit E zwischen beiden wechseln). Bereiche, die seltener gespeichert wurden als der Rest, können hervortreten; Kanten und Texturen tun es immer.</translation>
    </message>
    <message>
        <source>Show the error levels</source>
        <translation>Fehlerniveaus anzeigen</translation>
    </message>
    <message>
        <source>JPEG 90, differences ×20: a pointer, never a finding</source>
        <translation>JPEG 90, Differenzen ×20: ein Hinweis, nie ein Befund</translation>
    </message>
    <message>
        <source>JPEG picture caption</source>
        <translation>Bildunterschrift des JPEG-Bildes</translation>
    </message>
    <message>
        <source>JPEG ghosts</source>
        <translation>JPEG-Geister</translation>
    </message>
    <message>
        <source>The image re-saved at qualities 50 to 95, one map per quality. A region first saved at a lower quality than the rest (pasted in from another JPEG) is dark in that quality&apos;s map while the rest is light. Computed when asked (seconds for a large photo).</source>
        <translation>Das Bild erneut mit Qualität 50 bis 95 gespeichert, eine Karte je Qualität. Ein Bereich, der zuerst mit niedrigerer Qualität als der Rest gespeichert wurde (aus einem anderen JPEG eingefügt), ist in der Karte dieser Qualität dunkel, der Rest hell. Wird auf Anfrage berechnet (Sekunden bei einem großen Foto).</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts:&lt;/b&gt; none could be made: %1</source>
        <translation>&lt;b&gt;JPEG-Geister:&lt;/b&gt; konnten nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts:&lt;/b&gt; computing…</source>
        <translation>&lt;b&gt;JPEG-Geister:&lt;/b&gt; werden berechnet…</translation>
    </message>
    <message>
        <source>JPEG ghosts: quality</source>
        <translation>JPEG-Geister: Qualität</translation>
    </message>
    <message>
        <source>JPEG %1</source>
        <translation>JPEG %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Report figures</source>
        <translation>Abbildungen des Berichts</translation>
    </message>
    <message>
        <source>Making the heat maps and JPEG ghosts for the report: file %1 of %2…</source>
        <translation>Heatmaps und JPEG-Geister für den Bericht werden erstellt: Datei %1 von %2…</translation>
    </message>
    <message>
        <source>Making the heat maps for the report: file %1 of %2…</source>
        <translation>Heatmaps für den Bericht werden erstellt: Datei %1 von %2…</translation>
    </message>
    <message>
        <source>Making the JPEG ghosts for the report: file %1 of %2…</source>
        <translation>JPEG-Geister für den Bericht werden erstellt: Datei %1 von %2…</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Where the re-saves put their 8 × 8 block grid: columns and rows past the image&apos;s (0, 0: the image&apos;s own). A region pasted from another JPEG at a position that is no multiple of 8 keeps its own grid, and its ghost shows only on that grid: the rest then changes least at the highest quality everywhere, and the region stands out as a dip at its first quality.</source>
        <translation>Wo die erneuten Speicherungen ihr 8 × 8-Blockraster ansetzen: Spalten und Zeilen gegenüber dem des Bildes versetzt (0, 0: das des Bildes). Ein Bereich, der aus einem anderen JPEG an einer Stelle eingefügt wurde, die kein Vielfaches von 8 ist, behält sein eigenes Raster, und sein Geist zeigt sich nur auf diesem Raster: Der Rest ändert sich dann überall bei der höchsten Qualität am wenigsten, und der Bereich hebt sich als Senke bei seiner ersten Qualität ab.</translation>
    </message>
    <message>
        <source>x </source>
        <translation>x </translation>
    </message>
    <message>
        <source>y </source>
        <translation>y </translation>
    </message>
    <message>
        <source>JPEG ghosts: grid columns past the image&apos;s</source>
        <translation>JPEG-Geister: Rasterspalten gegenüber dem Bild versetzt</translation>
    </message>
    <message>
        <source>JPEG ghosts: grid rows past the image&apos;s</source>
        <translation>JPEG-Geister: Rasterzeilen gegenüber dem Bild versetzt</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more folder(s))</source>
        <translation>
            <numerusform>(und %n weiterer Ordner)</numerusform>
            <numerusform>(und %n weitere Ordner)</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder not read whole</source>
        <translation>Ordner nicht vollständig gelesen</translation>
    </message>
    <message>
        <source>Some images of %1 are not in the case:</source>
        <translation>Einige Bilder aus %1 sind nicht im Fall:</translation>
    </message>
    <message>
        <source>Listing %1…</source>
        <translation>%1 wird aufgelistet…</translation>
    </message>
    <message>
        <source>&lt;b&gt;CLIP-Flow&lt;/b&gt; (%1, backbone %2)&lt;br&gt;%3&lt;br&gt;%4 · %5 · ai_score %6&lt;br&gt;</source>
        <translation>&lt;b&gt;CLIP-Flow&lt;/b&gt; (%1, Backbone %2)&lt;br&gt;%3&lt;br&gt;%4 · %5 · ai_score %6&lt;br&gt;</translation>
    </message>
    <message>
        <source>All tabs</source>
        <translation>Alle Reiter</translation>
    </message>
</context>
<context>
    <name>clipflow::app::ModelDownloader</name>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>die Datei ist größer als %1 MB</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>der Server antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>the server sent an empty file</source>
        <translation>der Server schickte eine leere Datei</translation>
    </message>
    <message>
        <source>SHA-256 mismatch: expected %1, got %2</source>
        <translation>SHA-256 stimmt nicht: erwartet %1, erhalten %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>clipflow::app::ModelManager</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Installierte Modelle</translation>
    </message>
    <message>
        <source>Use for CLIP-Flow</source>
        <translation>Für CLIP-Flow verwenden</translation>
    </message>
    <message>
        <source>Use for supervised</source>
        <translation>Für überwacht verwenden</translation>
    </message>
    <message>
        <source>Install from file…</source>
        <translation>Aus Datei installieren…</translation>
    </message>
    <message>
        <source>Download a CLIP model</source>
        <translation>CLIP-Modell herunterladen</translation>
    </message>
    <message>
        <source>CLIP model</source>
        <translation>CLIP-Modell</translation>
    </message>
    <message>
        <source>Download URL</source>
        <translation>Download-URL</translation>
    </message>
    <message>
        <source>Download CLIP model…</source>
        <translation>CLIP-Modell herunterladen…</translation>
    </message>
    <message>
        <source>Fetched only when you press the button, from this address; the SHA-256 in OpenAI&apos;s URLs is checked. About 350 MB (ViT-B/32) or 900 MB (ViT-L/14).</source>
        <translation>Wird nur geladen, wenn Sie die Schaltfläche drücken, von dieser Adresse; der SHA-256 in OpenAIs URLs wird geprüft. Etwa 350 MB (ViT-B/32) oder 900 MB (ViT-L/14).</translation>
    </message>
    <message>
        <source>Install a model</source>
        <translation>Modell installieren</translation>
    </message>
    <message>
        <source>Models (*.safetensors *.pt *.bin);;All files (*)</source>
        <translation>Modelle (*.safetensors *.pt *.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Downloading: %1 MB</source>
        <translation>Lade herunter: %1 MB</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>Download fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1; calibrated on %2 natural photos, FPR %3%</source>
        <translation>%1; kalibriert mit %2 natürlichen Fotos, FPR %3 %</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n class(es)</source>
        <translation>
            <numerusform>%1; %n Klasse</numerusform>
            <numerusform>%1; %n Klassen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 layers, %3 px</source>
        <translation>%1, %2 Schichten, %3 px</translation>
    </message>
    <message>
        <source>CLIP-Flow detector</source>
        <translation>CLIP-Flow-Detektor</translation>
    </message>
    <message>
        <source>Supervised detector</source>
        <translation>Überwachter Detektor</translation>
    </message>
    <message>
        <source>CLIP backbone</source>
        <translation>CLIP-Basisnetz</translation>
    </message>
    <message>
        <source>Select a %1 model in the list first.</source>
        <translation>Wählen Sie zuerst ein %1-Modell in der Liste.</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>überwachtes</translation>
    </message>
    <message>
        <source>Active: %1</source>
        <translation>Aktiv: %1</translation>
    </message>
    <message>
        <source>%1 is not a valid detector model</source>
        <translation>%1 ist kein gültiges Detektormodell</translation>
    </message>
    <message>
        <source>a model named %1 is already installed</source>
        <translation>ein Modell namens %1 ist bereits installiert</translation>
    </message>
    <message>
        <source>cannot copy to %1</source>
        <translation>Kopieren nach %1 nicht möglich</translation>
    </message>
    <message>
        <source>Installed %1</source>
        <translation>Installiert: %1</translation>
    </message>
    <message>
        <source>Installed CLIP %1 (%2)</source>
        <translation>CLIP installiert: %1 (%2)</translation>
    </message>
    <message>
        <source>neither a detector nor a CLIP checkpoint: %1</source>
        <translation>weder ein Detektor noch ein CLIP-Checkpoint: %1</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>Nicht installiert: %1</translation>
    </message>
    <message>
        <source>Cannot download from %1</source>
        <translation>Download von %1 nicht möglich</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Lade %1 herunter…</translation>
    </message>
    <message>
        <source>%1; calibrated on %2 natural photos, at most %3% false positives (%4% confidence)</source>
        <translation>%1; kalibriert mit %2 natürlichen Fotos, höchstens %3 % Fehlalarme (%4 % Konfidenz)</translation>
    </message>
    <message>
        <source>%1, read twice (second reading: %2)</source>
        <translation>%1, zweimal gelesen (zweite Lesart: %2)</translation>
    </message>
    <message>
        <source>%1 with the chroma halved</source>
        <translation>%1 mit halbierter Chroma</translation>
    </message>
</context>
<context>
    <name>clipflow::app::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Report page size</source>
        <translation>Seitenformat der Berichte</translation>
    </message>
    <message>
        <source>A new language applies when the program next starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Programmstart.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Begrenzung</translation>
    </message>
    <message>
        <source>Time limit per file</source>
        <translation>Zeitlimit pro Datei</translation>
    </message>
    <message>
        <source>Each image is first read in a separate process; one that takes longer, or crashes it, is reported and skipped, and the queue goes on.</source>
        <translation>Jedes Bild wird zuerst in einem eigenen Prozess gelesen; ein Bild, das länger braucht oder ihn abstürzen lässt, wird gemeldet und übersprungen, und die Warteschlange läuft weiter.</translation>
    </message>
    <message>
        <source>Re-score each image after JPEG and resizing</source>
        <translation>Jedes Bild nach JPEG und Skalierung erneut bewerten</translation>
    </message>
    <message>
        <source>JPEG quality 90 and 75, 75% and 50% size, in memory. A verdict that changes under them is reported as inconclusive. Scoring takes five times as long.</source>
        <translation>JPEG-Qualität 90 und 75, 75 % und 50 % Größe, im Speicher. Ein Urteil, das sich dabei ändert, wird als nicht eindeutig gemeldet. Die Bewertung dauert fünfmal so lange.</translation>
    </message>
    <message>
        <source>Robustness checks</source>
        <translation>Robustheitsprüfungen</translation>
    </message>
    <message>
        <source>none: no signer is trusted</source>
        <translation>keine: kein Unterzeichner ist vertrauenswürdig</translation>
    </message>
    <message>
        <source>C2PA trust anchors</source>
        <translation>C2PA-Vertrauensanker</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No trust list ships with ClipFlow: valid Content Credentials are shown as signed by their signer, “issuer not on your trust list”. Add the root or intermediate certificates (PEM) of signers you have reason to trust.</source>
        <translation>ClipFlow liefert keine Vertrauensliste mit: Gültige Content Credentials werden als von ihrem Unterzeichner signiert angezeigt, „Aussteller nicht auf Ihrer Vertrauensliste“. Fügen Sie die Stamm- oder Zwischenzertifikate (PEM) von Unterzeichnern hinzu, denen Sie begründet vertrauen.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) will be trusted from the next file analysed.</source>
        <translation>
            <numerusform>%n Zertifikat wird ab der nächsten analysierten Datei vertraut.</numerusform>
            <numerusform>%n Zertifikaten wird ab der nächsten analysierten Datei vertraut.</numerusform>
        </translation>
    </message>
    <message>
        <source>A heat map of every file</source>
        <translation>Eine Heatmap jeder Datei</translation>
    </message>
    <message>
        <source>Files whose heat map you did not open get one when the report is exported (seconds for a large photo; kept in the case).</source>
        <translation>Dateien, deren Heatmap Sie nicht geöffnet haben, erhalten beim Export des Berichts eine (Sekunden für ein großes Foto; im Fall gespeichert).</translation>
    </message>
    <message>
        <source>JPEG ghosts of every JPEG</source>
        <translation>JPEG-Geister jedes JPEG</translation>
    </message>
    <message>
        <source>JPEG files whose ghosts you did not open get them when the report is exported (about a second for a 12 MP photo).</source>
        <translation>JPEG-Dateien, deren Geister Sie nicht geöffnet haben, erhalten sie beim Export des Berichts (etwa eine Sekunde für ein 12-MP-Foto).</translation>
    </message>
    <message>
        <source>In the report</source>
        <translation>Im Bericht</translation>
    </message>
</context>
<context>
    <name>clipflow::app::TrainingDialog</name>
    <message>
        <source>Train a CLIP-Flow detector</source>
        <translation>CLIP-Flow-Detektor trainieren</translation>
    </message>
    <message>
        <source>Natural-image folders</source>
        <translation>Ordner mit natürlichen Bildern</translation>
    </message>
    <message>
        <source>Photos straight from cameras, never AI images: the detector learns what natural looks like.</source>
        <translation>Fotos direkt aus Kameras, nie KI-Bilder: Der Detektor lernt, wie natürlich aussieht.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Basisnetz</translation>
    </message>
    <message>
        <source>Forensic features (no weights, fast)</source>
        <translation>Forensische Merkmale (ohne Gewichte, schnell)</translation>
    </message>
    <message>
        <source>CLIP %1 (%2)</source>
        <translation>CLIP %1 (%2)</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielfunktion</translation>
    </message>
    <message>
        <source>Combined: raise natural, lower proxies</source>
        <translation>Kombiniert: Natürliches anheben, Proxys absenken</translation>
    </message>
    <message>
        <source>Proxies only: lower proxies</source>
        <translation>Nur Proxys: Proxys absenken</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>Modellname</translation>
    </message>
    <message>
        <source>Runs on: %1</source>
        <translation>Läuft auf: %1</translation>
    </message>
    <message>
        <source>Choose folders of natural photos, then Start.</source>
        <translation>Ordner mit natürlichen Fotos wählen, dann Starten.</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>Trainingsfortschritt</translation>
    </message>
    <message>
        <source>natural NLL</source>
        <translation>natürliche NLL</translation>
    </message>
    <message>
        <source>proxy NLL</source>
        <translation>Proxy-NLL</translation>
    </message>
    <message>
        <source>Natural photos</source>
        <translation>Natürliche Fotos</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>Training abbrechen</translation>
    </message>
    <message>
        <source>Folder of natural photos</source>
        <translation>Ordner mit natürlichen Fotos</translation>
    </message>
    <message>
        <source>%1: %2 of %3 — about %4 s left</source>
        <translation>%1: %2 von %3 — noch etwa %4 s</translation>
    </message>
    <message>
        <source>Done: calibrated detector saved to %1. It is now in the model list.</source>
        <translation>Fertig: kalibrierter Detektor unter %1 gespeichert. Er steht jetzt in der Modellliste.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>The folders hold no images.</source>
        <translation>Die Ordner enthalten keine Bilder.</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Starting on %1 photos…</source>
        <translation>Starte mit %1 Fotos…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <source>Learned forensic network (forensic-v2, shipped)</source>
        <translation>Gelerntes forensisches Netz (forensic-v2, mitgeliefert)</translation>
    </message>
    <message>
        <source>What to train</source>
        <translation>Was trainiert wird</translation>
    </message>
    <message>
        <source>A CLIP-Flow detector</source>
        <translation>Einen CLIP-Flow-Detektor</translation>
    </message>
    <message>
        <source>The learned backbone (forensic-v2)</source>
        <translation>Das gelernte Netz (forensic-v2)</translation>
    </message>
    <message>
        <source>The backbone learns, from natural photos only, to tell them from decoder-like proxies; its weights can then carry a new detector.</source>
        <translation>Das Netz lernt allein aus natürlichen Fotos, sie von decoderartigen Proxys zu unterscheiden; seine Gewichte können dann einen neuen Detektor tragen.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Done: backbone weights saved to %1. Train a detector on them: they are now a Backbone choice.</source>
        <translation>Fertig: Gewichte des Netzes in %1 gespeichert. Trainieren Sie einen Detektor darauf: Sie stehen jetzt als Basisnetz zur Auswahl.</translation>
    </message>
    <message>
        <source>Learned forensic network (%1)</source>
        <translation>Gelerntes forensisches Netz (%1)</translation>
    </message>
    <message>
        <source>Stopped: %1
Start again to resume from the last checkpoint.</source>
        <translation>Angehalten: %1
Starten Sie erneut, um beim letzten Sicherungspunkt fortzufahren.</translation>
    </message>
    <message>
        <source>Train the learned backbone</source>
        <translation>Das gelernte Netz trainieren</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Beginnen mit</translation>
    </message>
    <message>
        <source>Train further from existing weights (a new schedule over the steps you choose), or from random weights.</source>
        <translation>Von vorhandenen Gewichten aus weitertrainieren (ein neuer Zeitplan über die gewählten Schritte) oder von zufälligen Gewichten.</translation>
    </message>
    <message>
        <source>Random weights</source>
        <translation>Zufällige Gewichte</translation>
    </message>
    <message>
        <source>The shipped forensic-v2 weights</source>
        <translation>Die mitgelieferten forensic-v2-Gewichte</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Photos as taken</source>
        <translation>Fotos wie aufgenommen</translation>
    </message>
    <message>
        <source>At most 5% of held-out photos as they are flagged: the most sensitive reading.</source>
        <translation>Höchstens 5 % der zurückgehaltenen Fotos, so wie sie sind, werden markiert: die empfindlichste Lesart.</translation>
    </message>
    <message>
        <source>One threshold, also for photos delivered small (512 px, JPEG 85)</source>
        <translation>Ein Schwellenwert, auch für klein zugestellte Fotos (512 px, JPEG 85)</translation>
    </message>
    <message>
        <source>Per kind: small JPEG copies against photos delivered small</source>
        <translation>Je Art: kleine JPEG-Kopien gegen klein zugestellte Fotos</translation>
    </message>
    <message>
        <source>Small JPEG files (shorter side at most %1 px) are read against the held-out photos delivered so, every other image against them as taken: each kind keeps its own 5% bound (as the shipped detector does).</source>
        <translation>Kleine JPEG-Dateien (kürzere Seite höchstens %1 px) werden gegen die so zugestellten zurückgehaltenen Fotos gelesen, jedes andere Bild gegen sie wie aufgenommen: Jede Art behält ihre eigene 5-%-Schranke (wie der mitgelieferte Detektor).</translation>
    </message>
    <message>
        <source>False-positive bound</source>
        <translation>Falsch-Positiv-Schranke</translation>
    </message>
    <message>
        <source>The threshold then holds at most 5% false positives for held-out photos shrunk to 512 px and recompressed too: fewer false alarms on such copies, but fewer AI images flagged everywhere (see the method documentation).</source>
        <translation>Die Schwelle hält dann höchstens 5 % Fehlalarme auch für zurückgehaltene Fotos, die auf 512 px verkleinert und neu komprimiert wurden: weniger Fehlalarme bei solchen Kopien, aber überall weniger markierte KI-Bilder (siehe die Methodendokumentation).</translation>
    </message>
    <message>
        <source>Decoder proxies&apos; strength</source>
        <translation>Stärke der Decoder-Proxys</translation>
    </message>
    <message>
        <source>The two decoder proxies (VAE-like decoder, up-sampling cascade) are moved back toward the photo by a strength drawn between this value and 1: a trained decoder keeps its error small, so its traces are weaker than a whole proxy&apos;s. 1 leaves them whole (the shipped recipe); the method documentation says what lower values did.</source>
        <translation>Die beiden Decoder-Proxys (VAE-artiger Decoder, Hochskalierungskaskade) werden mit einer zwischen diesem Wert und 1 gezogenen Stärke zum Foto zurückgeführt: Ein trainierter Decoder hält seinen Fehler klein, seine Spuren sind daher schwächer als die eines vollen Proxys. 1 lässt sie vollständig (das ausgelieferte Rezept); die Methodendokumentation beschreibt, was kleinere Werte ergaben.</translation>
    </message>
    <message>
        <source>Read photos in either orientation</source>
        <translation>Fotos in beiden Ausrichtungen lesen</translation>
    </message>
    <message>
        <source>Each view is read as it is and transposed, and the more natural reading counts (the held-out photos too), so a photo saved turned a quarter keeps the false-positive bound, as with the shipped detector. Unchecked: the stored pixel grid, which is faster.</source>
        <translation>Jede Ansicht wird so gelesen, wie sie ist, und transponiert; die natürlichere Lesart zählt (auch für die zurückgehaltenen Fotos). So hält die Schranke für Fehlalarme auch für ein um eine Vierteldrehung gedreht gespeichertes Foto, wie beim mitgelieferten Detektor. Nicht angekreuzt: das gespeicherte Pixelraster, was schneller ist.</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <source>The shipped forensic-v2 weights, chroma halved</source>
        <translation>Die mitgelieferten forensic-v2-Gewichte, Chroma halbiert</translation>
    </message>
    <message>
        <source>Read with the chroma halved</source>
        <translation>Mit halbierter Chroma lesen</translation>
    </message>
    <message>
        <source>The network reads every image with its colour averaged over 2 × 2 pixels, as a JPEG saved with 4:2:0 chroma does, so it learns from luminance what colour would tell it too easily: the network of the shipped detector&apos;s second reading. Weights to start from must have been trained so too.</source>
        <translation>Das Netz liest jedes Bild mit über 2 × 2 Pixel gemittelter Farbe, wie ein mit 4:2:0-Chroma gespeichertes JPEG, und lernt so aus der Luminanz, was die Farbe ihm zu leicht verraten würde: das Netz der zweiten Lesart des mitgelieferten Detektors. Startgewichte müssen ebenso trainiert sein.</translation>
    </message>
    <message>
        <source>Chroma</source>
        <translation>Chroma</translation>
    </message>
    <message>
        <source>Also read with the chroma halved, as the shipped detector</source>
        <translation>Auch mit halbierter Chroma lesen, wie der mitgelieferte Detektor</translation>
    </message>
    <message>
        <source>A second flow is trained over the shipped network that reads the chroma halved, on the decoder proxies, and joined to the first: each view then reads as the less natural of the two (the shipped detector&apos;s recipe; better on AI images saved as JPEG). About twice the time to train and to score. The held-out photos are read as delivered too, so the bound is never for photos as taken only. Needs the forensic-v2 backbone.</source>
        <translation>Ein zweiter Fluss wird über dem mitgelieferten Netz trainiert, das die Chroma halbiert liest, mit den Decoder-Proxys, und mit dem ersten verbunden: Jeder Ausschnitt zählt dann mit der weniger natürlichen der beiden Lesarten (das Rezept des mitgelieferten Detektors; besser bei als JPEG gespeicherten KI-Bildern). Training und Bewertung dauern etwa doppelt so lange. Die zurückgehaltenen Fotos werden auch wie zugestellt gelesen, daher gilt die Schranke nie nur für Fotos wie aufgenommen. Benötigt das Backbone forensic-v2.</translation>
    </message>
    <message>
        <source>Second reading</source>
        <translation>Zweite Lesart</translation>
    </message>
    <message>
        <source>First reading, </source>
        <translation>Erste Lesart, </translation>
    </message>
    <message>
        <source>Second reading, </source>
        <translation>Zweite Lesart, </translation>
    </message>
    <message>
        <source>Both readings joined, </source>
        <translation>Beide Lesarten verbunden, </translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Cancelled before training began.</source>
        <translation>Abgebrochen, bevor das Training begann.</translation>
    </message>
    <message>
        <source>Listing the folders…</source>
        <translation>Ordner werden aufgelistet…</translation>
    </message>
</context>
<context>
    <name>clipflow::app::TrainingJob</name>
    <message>
        <source>a second reading needs the forensic-v2 backbone</source>
        <translation>eine zweite Lesart braucht das Backbone forensic-v2</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::ImageView</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Wheel to zoom, drag to pan, F to fit, 1 for actual size</source>
        <translation>Mausrad zum Zoomen, Ziehen zum Verschieben, F zum Einpassen, 1 für Originalgröße</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::LikelihoodHistogram</name>
    <message>
        <source>Log-likelihood (nats/dim); lower = less like natural photos</source>
        <translation>Log-Likelihood (nats/Dim.); niedriger = natürlichen Fotos weniger ähnlich</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <source>Likelihood histogram of natural images</source>
        <translation>Likelihood-Histogramm natürlicher Bilder</translation>
    </message>
    <message>
        <source>natural images (held out)</source>
        <translation>natürliche Bilder (zurückgehalten)</translation>
    </message>
    <message>
        <source>proxy images</source>
        <translation>Proxy-Bilder</translation>
    </message>
    <message>
        <source>threshold (%1% false positives)</source>
        <translation>Schwelle (%1 % falsch positiv)</translation>
    </message>
    <message>
        <source>Likelihood histogram</source>
        <translation>Likelihood-Histogramm</translation>
    </message>
    <message>
        <source>threshold (at most %1% false positives, %2% confidence)</source>
        <translation>Schwelle (höchstens %1 % Fehlalarme, %2 % Konfidenz)</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>Log-likelihood (nats/dim)
lower = less like natural photos</source>
        <translation>Log-Likelihood (nats/Dim.)
niedriger = natürlichen Fotos weniger ähnlich</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>percentile %1%</source>
        <translation>Perzentil %1 %</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::ProxyPreview</name>
    <message>
        <source>Natural image</source>
        <translation>Natürliches Bild</translation>
    </message>
    <message>
        <source>Proxy image</source>
        <translation>Proxy-Bild</translation>
    </message>
    <message>
        <source>Natural image (left) and its proxy: %1 (right)</source>
        <translation>Natürliches Bild (links) und sein Proxy: %1 (rechts)</translation>
    </message>
    <message>
        <source>natural spectrum</source>
        <translation>natürliches Spektrum</translation>
    </message>
    <message>
        <source>proxy spectrum</source>
        <translation>Proxy-Spektrum</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::RadialProfilePlot</name>
    <message>
        <source>Frequency (cycles/pixel)</source>
        <translation>Frequenz (Zyklen/Pixel)</translation>
    </message>
    <message>
        <source>Power (dB)</source>
        <translation>Leistung (dB)</translation>
    </message>
    <message>
        <source>Radial power profile</source>
        <translation>Radiales Leistungsprofil</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::SpectrumImage</name>
    <message>
        <source>Spectrum</source>
        <translation>Spektrum</translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation>%1 dB</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::SpectrumView</name>
    <message>
        <source>Spectra</source>
        <translation>Spektren</translation>
    </message>
    <message>
        <source>Show the %1 spectrum</source>
        <translation>Spektrum %1 zeigen</translation>
    </message>
    <message>
        <source>%1 spectrum (log power)</source>
        <translation>Spektrum %1 (logarithmische Leistung)</translation>
    </message>
    <message>
        <source>natural images</source>
        <translation>natürliche Bilder</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::TrainingMonitor</name>
    <message>
        <source>Training status</source>
        <translation>Trainingsstatus</translation>
    </message>
    <message>
        <source>Training loss curves</source>
        <translation>Verlustkurven des Trainings</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>natural NLL</source>
        <translation>natürliche NLL</translation>
    </message>
    <message>
        <source>proxy NLL</source>
        <translation>Proxy-NLL</translation>
    </message>
    <message>
        <source>Epoch %1 of %2 · %3 samples/s · %4 left · %5</source>
        <translation>Epoche %1 von %2 · %3 Beispiele/s · noch %4 · %5</translation>
    </message>
</context>
</TS>
