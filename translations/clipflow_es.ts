<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CaseReport</name>
    <message>
        <source>none (no EXIF, IPTC or XMP; common after re-saving, and not evidence either way)</source>
        <translation>ninguno (ni EXIF, ni IPTC, ni XMP; habitual tras volver a guardar, y no prueba nada en ningún sentido)</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>entradas: %1</translation>
    </message>
    <message>
        <source>Image forensics case report</source>
        <translation>Informe pericial de imágenes</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analista</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Report created</source>
        <translation>Informe creado</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Herramienta</translation>
    </message>
    <message>
        <source>ClipFlow Forensics %1</source>
        <translation>ClipFlow Forensics %1</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>Archivo del caso</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Evidence integrity: %n file(s) differ from the case record.</source>
        <translation>
            <numerusform>Integridad: %n archivo difiere del registro del caso.</numerusform>
            <numerusform>Integridad: %n archivos difieren del registro del caso.</numerusform>
        </translation>
    </message>
    <message>
        <source>Evidence integrity: all %1 files match the SHA-256 recorded in the case.</source>
        <translation>Integridad: los %1 archivos coinciden con el SHA-256 registrado en el caso.</translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation>Notas del caso</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>Supervisado</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>no analizado</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>desacuerdo</translation>
    </message>
    <message>
        <source>Verdicts are statements of statistical evidence, not of fact. Absence of detection is not proof of authenticity; resizing and recompression weaken every detector. See “Method and limitations”.</source>
        <translation>Los veredictos expresan evidencia estadística, no hechos. La ausencia de detección no prueba la autenticidad; el redimensionado y la recompresión debilitan todos los detectores. Véase «Método y limitaciones».</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Evidence %1: %2</source>
        <translation>Evidencia %1: %2</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>failed:</source>
        <translation>falló:</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>%1 bytes; %2 × %3 px %4, %5-bit %6</source>
        <translation>%1 bytes; %2 × %3 px %4, %6 de %5 bits</translation>
    </message>
    <message>
        <source>Times (UTC)</source>
        <translation>Fechas (UTC)</translation>
    </message>
    <message>
        <source>file modified %1; read and hashed %2</source>
        <translation>archivo modificado %1; leído y con hash %2</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadatos</translation>
    </message>
    <message>
        <source>Pixel grid</source>
        <translation>Rejilla de píxeles</translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation>Detectores</translation>
    </message>
    <message>
        <source>This image was in the model&apos;s training or calibration set.</source>
        <translation>Esta imagen formaba parte del conjunto de entrenamiento o calibración del modelo.</translation>
    </message>
    <message>
        <source>CLIP-Flow (%1)</source>
        <translation>CLIP-Flow (%1)</translation>
    </message>
    <message>
        <source>if AI</source>
        <translation>si es IA</translation>
    </message>
    <message>
        <source>This image was in the model&apos;s training set.</source>
        <translation>Esta imagen formaba parte del conjunto de entrenamiento del modelo.</translation>
    </message>
    <message>
        <source>Supervised (%1)</source>
        <translation>Supervisado (%1)</translation>
    </message>
    <message>
        <source>The detectors disagree: weigh the spectra and the provenance.</source>
        <translation>Los detectores no coinciden: sopese los espectros y la procedencia.</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>Stored pixels</source>
        <translation>Píxeles almacenados</translation>
    </message>
    <message>
        <source>Luminance power spectrum; circles mark periodic peaks (%1 found)</source>
        <translation>Espectro de potencia de la luminancia; los círculos marcan picos periódicos (%1 encontrados)</translation>
    </message>
    <message>
        <source>Radial profiles</source>
        <translation>Perfiles radiales</translation>
    </message>
    <message>
        <source>CLIP-Flow score among held-out natural photos</source>
        <translation>Puntuación CLIP-Flow entre fotos naturales reservadas</translation>
    </message>
    <message>
        <source>Analyst notes</source>
        <translation>Notas del analista</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>No detector model was loaded.</source>
        <translation>No se cargó ningún modelo detector.</translation>
    </message>
    <message>
        <source>Method and limitations</source>
        <translation>Método y limitaciones</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;CLIP-Flow&lt;/b&gt; models the image features of natural photographs with a normalizing flow trained without any AI-generated image: it learns to give natural photos a high likelihood and &lt;i&gt;proxy&lt;/i&gt; images (the same photos with their Fourier spectra altered the way generators alter them) a low one. An image&apos;s log-likelihood is compared with those of held-out natural photos: the p-value is the share of natural photos scoring as low or lower, and the verdict follows from it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The supervised detector&lt;/b&gt; was trained on real photos and images from named generators; it gives the probability that the image is AI-generated and the most likely generator among those it knows.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Spectra&lt;/b&gt; show what the detectors react to: up-sampling in generators leaves periodic peaks and a raised or lowered high-frequency tail in the radial profile. The analyst can check them directly.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Limitations.&lt;/b&gt; Absence of detection is not proof of authenticity. Recompression, resizing, screenshots and filters weaken every detector and raise the false-positive rate on real photos. A generator unlike anything in training may go unnoticed. Scores are evidence to weigh with provenance, metadata and context, never a verdict on their own. The calibrated false-positive rate holds for photos like the calibration set; for others it is only indicative.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Integrity.&lt;/b&gt; Each file was hashed with SHA-256 when read; the analysis used exactly those bytes and the file was never modified.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;CLIP-Flow&lt;/b&gt; modela las características de fotografías naturales con un flujo normalizante entrenado sin ninguna imagen generada por IA: aprende a dar una verosimilitud alta a las fotos naturales y baja a las imágenes &lt;i&gt;proxy&lt;/i&gt; (las mismas fotos con su espectro de Fourier alterado como lo alteran los generadores). La log-verosimilitud de una imagen se compara con la de fotos naturales reservadas: el valor p es la proporción de fotos naturales con una puntuación igual o menor, y de ahí se sigue el veredicto.&lt;/p&gt;&lt;p&gt;&lt;b&gt;El detector supervisado&lt;/b&gt; se entrenó con fotos reales e imágenes de generadores conocidos; da la probabilidad de que la imagen sea generada por IA y el generador más probable entre los que conoce.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Los espectros&lt;/b&gt; muestran a qué reaccionan los detectores: el sobremuestreo de los generadores deja picos periódicos y una cola de alta frecuencia elevada o rebajada en el perfil radial. El analista puede comprobarlos directamente.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Limitaciones.&lt;/b&gt; La ausencia de detección no prueba la autenticidad. La recompresión, el redimensionado, las capturas de pantalla y los filtros debilitan todos los detectores y elevan la tasa de falsos positivos en fotos reales. Un generador distinto de todo lo visto en el entrenamiento puede pasar inadvertido. Las puntuaciones son indicios que deben sopesarse con la procedencia, los metadatos y el contexto, nunca un veredicto por sí solas. La tasa de falsos positivos calibrada vale para fotos como las del conjunto de calibración; para otras es solo orientativa.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Integridad.&lt;/b&gt; Cada archivo se resumió con SHA-256 al leerlo; el análisis usó exactamente esos bytes y el archivo nunca se modificó.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Case report</source>
        <translation>Informe del caso</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integridad</translation>
    </message>
    <message>
        <source>hashed again after the analysis: unchanged</source>
        <translation>hash recalculado tras el análisis: sin cambios</translation>
    </message>
    <message>
        <source>changed during the analysis (%1); the results describe the bytes read at intake</source>
        <translation>cambió durante el análisis (%1); los resultados describen los bytes leídos al ingresarlo</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Procedencia</translation>
    </message>
    <message>
        <source>see the provenance section</source>
        <translation>véase la sección de procedencia</translation>
    </message>
    <message>
        <source>Heat map: natural</source>
        <translation>Mapa de calor: natural</translation>
    </message>
    <message>
        <source>less natural</source>
        <translation>menos natural</translation>
    </message>
    <message>
        <source>The CLIP-Flow detector&apos;s score of each 256-pixel tile of the stored pixels (%1 × %2 tiles, overlapping); a tile&apos;s score is noisier than the image&apos;s, so weigh regions, not single tiles.</source>
        <translation>La puntuación del detector CLIP-Flow para cada tesela de 256 píxeles de los píxeles almacenados (%1 × %2 teselas, solapadas); la puntuación de una tesela es más ruidosa que la de la imagen: valore regiones, no teselas sueltas.</translation>
    </message>
    <message>
        <source>JPEG structure</source>
        <translation>Estructura JPEG</translation>
    </message>
    <message>
        <source>&lt;p&gt;The supervised detector&apos;s level is read as CLIP-Flow&apos;s is: its log odds of a real photo are compared with those of %1 natural photos it never saw, and the verdict follows from that p-value, not from its probability alone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;El nivel del detector supervisado se lee como el de CLIP-Flow: sus log-odds de foto real se comparan con los de %1 fotos naturales que nunca vio, y el veredicto se deriva de ese valor p, no solo de su probabilidad.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No JPEG ghosts: %1</source>
        <translation>Sin fantasmas JPEG: %1</translation>
    </message>
    <message>
        <source>No heat map: %1</source>
        <translation>Sin mapa de calor: %1</translation>
    </message>
    <message>
        <source>%1 among natural photos</source>
        <translation>%1 entre fotos naturales</translation>
    </message>
    <message>
        <source>Name and format</source>
        <translation>Nombre y formato</translation>
    </message>
</context>
<context>
    <name>JpegHtml</name>
    <message>
        <source>The JPEG structure could not be read:</source>
        <translation>No se pudo leer la estructura JPEG:</translation>
    </message>
    <message>
        <source>Not a JPEG file (%1): no quantization tables to read.</source>
        <translation>No es un archivo JPEG (%1): no hay tablas de cuantificación que leer.</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>luminance %1, chrominance %2: libjpeg&apos;s standard tables (most software, web services and generators&apos; savers)</source>
        <translation>luminancia %1, crominancia %2: tablas estándar de libjpeg (la mayoría del software, servicios web y guardado de generadores)</translation>
    </message>
    <message>
        <source>luminance ≈ %1, chrominance ≈ %2: the file&apos;s own tables (cameras, phones, some editors)</source>
        <translation>luminancia ≈ %1, crominancia ≈ %2: tablas propias del archivo (cámaras, teléfonos, algunos editores)</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Estructura</translation>
    </message>
    <message>
        <source>%1 × %2, %3, %4</source>
        <translation>%1 × %2, %3, %4</translation>
    </message>
    <message>
        <source>progressive</source>
        <translation>progresivo</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>secuencial</translation>
    </message>
    <message>
        <source>not tested (%1)</source>
        <translation>no comprobado (%1)</translation>
    </message>
    <message>
        <source>indicated</source>
        <translation>indicada</translation>
    </message>
    <message>
        <source>score</source>
        <translation>puntuación</translation>
    </message>
    <message>
        <source>the DCT histograms show the periodic gaps or peaks of a second save with other tables. The image was saved as JPEG at least twice: re-saved by an editor, a messenger or a web service. Ordinary for files that travelled; not expected of a camera original.</source>
        <translation>los histogramas DCT muestran los huecos o picos periódicos de un segundo guardado con otras tablas. La imagen se guardó como JPEG al menos dos veces: por un editor, una mensajería o un servicio web. Habitual en archivos que han circulado; no es lo esperado de un original de cámara.</translation>
    </message>
    <message>
        <source>not indicated (score %1): the DCT histograms fall off smoothly, as after one save (a second save at a higher quality than the first, or with the same tables, leaves no such trace)</source>
        <translation>no indicada (puntuación %1): los histogramas DCT decaen suavemente, como tras un solo guardado (un segundo guardado con mayor calidad que el primero, o con las mismas tablas, no deja esa huella)</translation>
    </message>
    <message>
        <source>Double compression</source>
        <translation>Doble compresión</translation>
    </message>
    <message>
        <source>none (many programs drop it; its absence means nothing)</source>
        <translation>ninguna (muchos programas la eliminan; su ausencia no significa nada)</translation>
    </message>
    <message>
        <source>present but unreadable</source>
        <translation>presente pero ilegible</translation>
    </message>
    <message>
        <source>%1 × %2, shows the same picture (mean difference %3 grey levels)</source>
        <translation>%1 × %2, muestra la misma imagen (diferencia media %3 niveles de gris)</translation>
    </message>
    <message>
        <source>does not match</source>
        <translation>no coincide</translation>
    </message>
    <message>
        <source>%1 × %2: %3. The camera wrote the thumbnail with the picture; a picture cropped, retouched or replaced afterwards by software that kept the old thumbnail no longer matches it.</source>
        <translation>%1 × %2: %3. La cámara escribió la miniatura junto con la foto; una foto recortada, retocada o sustituida después por un programa que conservó la miniatura antigua ya no coincide con ella.</translation>
    </message>
    <message>
        <source>EXIF thumbnail</source>
        <translation>Miniatura EXIF</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>These are properties of the file, not of the scene: they say how it was saved, not whether an AI made it. A generator&apos;s output saved by an editor looks like any other edited JPEG.</source>
        <translation>Son propiedades del archivo, no de la escena: dicen cómo se guardó, no si lo hizo una IA. La salida de un generador guardada por un editor parece cualquier otro JPEG editado.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Error level analysis&lt;/b&gt; (re-saved at JPEG quality 90, differences ×20): regions saved fewer times than the rest (pasted in) may stand out; edges and texture always do. A pointer for the eye, never a finding.</source>
        <translation>&lt;b&gt;Análisis del nivel de error&lt;/b&gt; (guardada de nuevo en JPEG calidad 90, diferencias ×20): las regiones guardadas menos veces que el resto (pegadas) pueden destacar; los bordes y las texturas siempre lo hacen. Una pista para la vista, nunca un hallazgo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts&lt;/b&gt; (the image re-saved at each quality; dark: changed least): a region darker than the rest in one quality&apos;s map was probably saved at that quality before the rest. Needs the region on the rest&apos;s 8 × 8 grid. A pointer for the eye, never a finding.</source>
        <translation>&lt;b&gt;Fantasmas JPEG&lt;/b&gt; (la imagen guardada de nuevo con cada calidad; oscuro: lo que menos cambió): una región más oscura que el resto en el mapa de una calidad probablemente se guardó con esa calidad antes que el resto. La región debe estar en la cuadrícula 8 × 8 del resto. Una pista para la vista, nunca un hallazgo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts&lt;/b&gt; on another 8 × 8 grid, %1 column(s) and %2 row(s) past the image&apos;s (the image re-saved at each quality; dark: changed least): a region pasted from another JPEG on that grid may be darker than the rest in the map of the quality it was saved at first, while the image&apos;s own blocks, cut anew, change least at the highest quality. A pointer for the eye, never a finding.</source>
        <translation>&lt;b&gt;Fantasmas JPEG&lt;/b&gt; en otra cuadrícula 8 × 8, %1 columna(s) y %2 fila(s) más allá de la de la imagen (la imagen guardada de nuevo con cada calidad; oscuro: lo que menos cambió): una región pegada desde otro JPEG en esa cuadrícula puede ser más oscura que el resto en el mapa de la calidad con la que se guardó primero, mientras que los bloques propios de la imagen, cortados de nuevo, cambian menos con la calidad más alta. Una pista para la vista, nunca un hallazgo.</translation>
    </message>
    <message>
        <source>none stands out: never saved as JPEG, saved at a very high quality, or resized since</source>
        <translation>no destaca ninguna: nunca guardada como JPEG, guardada con una calidad muy alta o redimensionada desde entonces</translation>
    </message>
    <message>
        <source>from the image&apos;s corner, as a JPEG save of this picture leaves</source>
        <translation>desde la esquina de la imagen, como lo deja guardar esta imagen como JPEG</translation>
    </message>
    <message>
        <source>offset by (%1, %2) from the image&apos;s corner: the picture was cut at a position that is no multiple of 8 (cropped) or padded after a JPEG save, and that save&apos;s blocks outlast the later ones</source>
        <translation>desplazada (%1, %2) respecto a la esquina de la imagen: la imagen se recortó en una posición que no es múltiplo de 8 o se rellenó tras guardarla como JPEG, y los bloques de ese guardado persisten sobre los posteriores</translation>
    </message>
    <message>
        <source>Make the JPEG ghosts on this grid</source>
        <translation>Crear los fantasmas JPEG en esta cuadrícula</translation>
    </message>
    <message>
        <source>8 × 8 block grid:</source>
        <translation>Cuadrícula de bloques 8 × 8:</translation>
    </message>
    <message>
        <source>8 × 8 block grid</source>
        <translation>Cuadrícula de bloques 8 × 8</translation>
    </message>
    <message>
        <source>from the image&apos;s corner</source>
        <translation>desde la esquina de la imagen</translation>
    </message>
    <message>
        <source>offset by (%1, %2) from the image&apos;s corner</source>
        <translation>desplazada (%1, %2) respecto a la esquina de la imagen</translation>
    </message>
    <message>
        <source>the pixels carry one, %1: this picture was saved as JPEG before, or made by a generator whose decoder enlarges an 8× smaller latent, which leaves traces on the same grid.</source>
        <translation>los píxeles llevan una, %1: esta imagen se guardó antes como JPEG, o la hizo un generador cuyo decodificador amplía un espacio latente 8× menor, lo que deja huellas en la misma cuadrícula.</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <source>CLIP-Flow detector</source>
        <translation>Detector CLIP-Flow</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Red base</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Datos de entrenamiento</translation>
    </message>
    <message>
        <source>%1 natural photos (%2 for the flow, %3 held out for calibration); no AI-generated image. Proxies: %4 spectrally modified views.</source>
        <translation>%1 fotos naturales (%2 para el flujo, %3 reservadas para calibración); ninguna imagen generada por IA. Proxies: %4 vistas modificadas espectralmente.</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>Conjunto de entrenamiento</translation>
    </message>
    <message>
        <source>SHA-256 of the sorted file hashes %1</source>
        <translation>SHA-256 de los hashes ordenados de los archivos %1</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibración</translation>
    </message>
    <message>
        <source>%1 held-out natural photos; median log-likelihood %2; threshold %3</source>
        <translation>%1 fotos naturales reservadas; log-verosimilitud mediana %2; umbral %3</translation>
    </message>
    <message>
        <source>False-positive rate</source>
        <translation>Tasa de falsos positivos</translation>
    </message>
    <message>
        <source>Held-out proxy AUC</source>
        <translation>AUC de proxies (reservadas)</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Entrenado</translation>
    </message>
    <message>
        <source>%1 on %2, %3 epochs, ClipFlow %4</source>
        <translation>%1 en %2, %3 épocas, ClipFlow %4</translation>
    </message>
    <message>
        <source>Supervised detector</source>
        <translation>Detector supervisado</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Cabeza</translation>
    </message>
    <message>
        <source>MLP (%1 hidden)</source>
        <translation>MLP (%1 ocultas)</translation>
    </message>
    <message>
        <source>fine-tuned last %1 CLIP blocks</source>
        <translation>últimos %1 bloques CLIP ajustados</translation>
    </message>
    <message>
        <source>linear probe</source>
        <translation>sonda lineal</translation>
    </message>
    <message>
        <source>, few-shot</source>
        <translation>, pocos ejemplos</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validación</translation>
    </message>
    <message>
        <source>accuracy %1, ROC-AUC real vs AI %2 on %3 held-out images; temperature %4</source>
        <translation>exactitud %1, ROC-AUC real frente a IA %2 en %3 imágenes reservadas; temperatura %4</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>Knows only the generators listed; others are “unknown” at best. A generator missing from training can pass as real.</source>
        <translation>Solo conoce los generadores listados; los demás son, como mucho, «desconocidos». Un generador ausente del entrenamiento puede pasar por real.</translation>
    </message>
    <message>
        <source>%1, ClipFlow %2</source>
        <translation>%1, ClipFlow %2</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 held-out photos (flagged: p at most %4); expect more on resized or recompressed photos.</source>
        <translation>Como máximo se marca el %1 % de las fotos naturales, con un %2 % de confianza según %3 fotos reservadas (marcada: p como máximo %4); espere más en fotos redimensionadas o recomprimidas.</translation>
    </message>
    <message>
        <source>%1% of natural photos flagged on average; %2 held-out photos are too few to bound it; expect more on resized or recompressed photos.</source>
        <translation>De media se marca el %1 % de las fotos naturales; %2 fotos reservadas son muy pocas para acotarlo; espere más en fotos redimensionadas o recomprimidas.</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, as they are and as messengers deliver them (shorter side %5 px, JPEG %6), with %2% confidence given %3 held-out photos (flagged: p at most %4); other resizing or recompression may flag more.</source>
        <translation>Como máximo se marca el %1 % de las fotos naturales, tal como son y tal como las entregan las aplicaciones de mensajería (lado corto %5 px, JPEG %6), con un %2 % de confianza según %3 fotos reservadas (marcada: p como máximo %4); otros redimensionados o recompresiones pueden marcar más.</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 held-out photos (flagged: p at most %4). Small JPEG copies (shorter side at most %5 px), as messengers deliver photos, are read against the same photos delivered so (shrunk to a shorter side of at most %6 px, JPEG %7): at most %1% of such copies are flagged, with the same confidence (flagged: p at most %8).</source>
        <translation>Como máximo se marca el %1 % de las fotos naturales, con un %2 % de confianza según %3 fotos reservadas (marcada: p como máximo %4). Las copias JPEG pequeñas (lado corto de %5 px como máximo), como las que entregan las aplicaciones de mensajería, se comparan con las mismas fotos entregadas así (reducidas a un lado corto de %6 px como máximo, JPEG %7): como máximo se marca el %1 % de esas copias, con la misma confianza (marcada: p como máximo %8).</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 natural photos it never saw (flagged: p at most %4, i.e. p_ai above %5); photos unlike those may be flagged more often.</source>
        <translation>Como máximo se señala el %1 % de las fotos naturales, con un %2 % de confianza según %3 fotos naturales que el modelo nunca vio (señalada: p como máximo %4, es decir, p_ai por encima de %5); las fotos distintas de estas pueden señalarse más a menudo.</translation>
    </message>
    <message>
        <source>Not bounded: flagged at p_ai of 0.5 or more, which on photos unlike its training photos can be most of them. Calibrate it on natural photos it never saw (clipflow recalibrate).</source>
        <translation>Sin cota: se señala a partir de p_ai 0,5, lo que en fotos distintas de sus fotos de entrenamiento puede ser la mayoría. Calíbrelo con fotos naturales que nunca vio (clipflow recalibrate).</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientación</translation>
    </message>
    <message>
        <source>Either: each view is read as it is and transposed, and the more natural reading counts, so a photo saved turned a quarter reads as the original (its calibration was read the same way).</source>
        <translation>Ambas: cada vista se lee tal cual y traspuesta, y cuenta la lectura más natural; así, una foto guardada girada un cuarto de vuelta se lee como la original (su calibración se leyó de la misma forma).</translation>
    </message>
    <message>
        <source>As stored: a photo saved turned a quarter from the camera&apos;s orientation is flagged more often than the bound says (see the method documentation).</source>
        <translation>Tal como está guardada: una foto guardada girada un cuarto de vuelta respecto a la orientación de la cámara se marca más a menudo de lo que indica el límite (véase la documentación del método).</translation>
    </message>
    <message>
        <source>Second reading</source>
        <translation>Segunda lectura</translation>
    </message>
    <message>
        <source>%1; flow of %2. Each view counts as the less natural of the two flows&apos; readings, each measured against its own held-out photos.</source>
        <translation>%1; flujo de %2. Cada vista cuenta como la menos natural de las dos lecturas de los flujos, cada una medida frente a sus propias fotos reservadas.</translation>
    </message>
    <message>
        <source>%1 (the first reading alone)</source>
        <translation>%1 (solo la primera lectura)</translation>
    </message>
</context>
<context>
    <name>ProvenanceHtml</name>
    <message>
        <source>valid</source>
        <translation>válida</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>no válida</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>no verificada</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>de confianza</translation>
    </message>
    <message>
        <source>not on your trust list</source>
        <translation>no está en su lista de confianza</translation>
    </message>
    <message>
        <source>&lt;i&gt;The file&apos;s metadata could not be read.&lt;/i&gt;</source>
        <translation>&lt;i&gt;No se pudieron leer los metadatos del archivo.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Content Credentials (C2PA)</source>
        <translation>Content Credentials (C2PA)</translation>
    </message>
    <message>
        <source>Removed: the XMP points at a C2PA manifest the file no longer holds.</source>
        <translation>Eliminadas: el XMP apunta a un manifiesto C2PA que el archivo ya no contiene.</translation>
    </message>
    <message>
        <source>None in this file. Most files have none; platforms and editors often strip them: not evidence either way.</source>
        <translation>Ninguna en este archivo. La mayoría de los archivos no tienen; las plataformas y los editores suelen eliminarlas: no es prueba en ningún sentido.</translation>
    </message>
    <message>
        <source>Present but unreadable:</source>
        <translation>Presentes pero ilegibles:</translation>
    </message>
    <message>
        <source>(no certificate)</source>
        <translation>(sin certificado)</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Emisor</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Firmado el</translation>
    </message>
    <message>
        <source>no time-stamp</source>
        <translation>sin sello de tiempo</translation>
    </message>
    <message>
        <source> (time-stamp)</source>
        <translation> (sello de tiempo)</translation>
    </message>
    <message>
        <source>Claim generator</source>
        <translation>Generador de la declaración</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Aserciones</translation>
    </message>
    <message>
        <source>Binding to the file</source>
        <translation>Vinculación al archivo</translation>
    </message>
    <message>
        <source>(you have added no trust anchors)</source>
        <translation>(no ha añadido anclas de confianza)</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Firmante</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> por %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>, with credentials of its own</source>
        <translation>, con sus propias Content Credentials</translation>
    </message>
    <message>
        <source>Ingredients</source>
        <translation>Ingredientes</translation>
    </message>
    <message>
        <source>Status codes</source>
        <translation>Códigos de estado</translation>
    </message>
    <message>
        <source>A valid signature says who made these claims and that neither they nor the file changed since; it does not say the claims are true. No trust list ships with ClipFlow: add the certificates you trust in Preferences.</source>
        <translation>Una firma válida indica quién hizo estas declaraciones y que ni ellas ni el archivo han cambiado desde entonces; no indica que las declaraciones sean ciertas. ClipFlow no incluye ninguna lista de confianza: añada en Preferencias los certificados en los que confía.</translation>
    </message>
    <message>
        <source>Generator metadata</source>
        <translation>Metadatos del generador</translation>
    </message>
    <message>
        <source>Front end</source>
        <translation>Interfaz</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>Muestreador</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>CFG</source>
        <translation>CFG</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Instrucción</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>Instrucción negativa</translation>
    </message>
    <message>
        <source>Nothing else: no generator settings or generator-naming tags outside the Content Credentials.</source>
        <translation>Nada más: ni ajustes de generador ni etiquetas que nombren un generador fuera de las Content Credentials.</translation>
    </message>
    <message>
        <source>No generator settings, IPTC source type or generator-naming tags.</source>
        <translation>Ni ajustes de generador, ni tipo de fuente IPTC, ni etiquetas que nombren un generador.</translation>
    </message>
    <message>
        <source>C2PA removed</source>
        <translation>C2PA eliminado</translation>
    </message>
    <message>
        <source>%1 settings</source>
        <translation>ajustes de %1</translation>
    </message>
    <message>
        <source>AI declared (%1)</source>
        <translation>IA declarada (%1)</translation>
    </message>
    <message>
        <source>camera declared</source>
        <translation>cámara declarada</translation>
    </message>
</context>
<context>
    <name>ReportFigures</name>
    <message>
        <source>natural images as delivered (held out)</source>
        <translation>imágenes naturales tal como se entregan (reservadas)</translation>
    </message>
</context>
<context>
    <name>VerdictHtml</name>
    <message>
        <source>the model alone says: %1</source>
        <translation>el modelo por sí solo dice: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Veredicto: %1</translation>
    </message>
    <message>
        <source>Robustness (ai_score after)</source>
        <translation>Robustez (ai_score tras)</translation>
    </message>
    <message>
        <source>the score is close to the model&apos;s threshold (%1 = %2, threshold %3)</source>
        <translation>la puntuación está cerca del umbral del modelo (%1 = %2, umbral %3)</translation>
    </message>
    <message>
        <source>the verdict changes under %1</source>
        <translation>el veredicto cambia tras %1</translation>
    </message>
    <message>
        <source>the model&apos;s false-positive bound has not been shown to hold for %1 files</source>
        <translation>no se ha demostrado que el límite de falsos positivos del modelo se cumpla para archivos %1</translation>
    </message>
    <message>
        <source>Not calibrated for %1 files: the model&apos;s false-positive bound has not been shown to hold for them, so this score alone never calls the image AI-made.</source>
        <translation>No calibrado para archivos %1: no se ha demostrado que el límite de falsos positivos del modelo se cumpla para ellos, por lo que esta puntuación por sí sola nunca declara la imagen generada por IA.</translation>
    </message>
    <message>
        <source>Read as a small JPEG copy: percentile, p and level are against the model&apos;s held-out photos as messengers deliver them, not as taken.</source>
        <translation>Leída como copia JPEG pequeña: percentil, p y nivel se refieren a las fotos reservadas del modelo tal como las entregan las aplicaciones de mensajería, no tal como se tomaron.</translation>
    </message>
    <message>
        <source>no detector scored the image</source>
        <translation>ningún detector puntuó la imagen</translation>
    </message>
    <message>
        <source>the detectors disagree</source>
        <translation>los detectores discrepan</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>supervisado</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>strong evidence of AI generation</source>
        <translation>indicios fuertes de generación por IA</translation>
    </message>
    <message>
        <source>moderate evidence of AI generation</source>
        <translation>indicios moderados de generación por IA</translation>
    </message>
    <message>
        <source>weak evidence of AI generation</source>
        <translation>indicios débiles de generación por IA</translation>
    </message>
    <message>
        <source>consistent with natural images</source>
        <translation>compatible con imágenes naturales</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>fuerte</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderado</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>débil</translation>
    </message>
    <message>
        <source>natural</source>
        <translation>natural</translation>
    </message>
    <message>
        <source>luminance</source>
        <translation>luminancia</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rojo</translation>
    </message>
    <message>
        <source>green</source>
        <translation>verde</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>azul</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>residuo</translation>
    </message>
    <message>
        <source>periodicity</source>
        <translation>periodicidad</translation>
    </message>
    <message>
        <source>p &lt; 10⁻⁶ (extrapolated)</source>
        <translation>p &lt; 10⁻⁶ (extrapolado)</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>no concluyente</translation>
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
        <translation>tamaño 75 %</translation>
    </message>
    <message>
        <source>50% size</source>
        <translation>tamaño 50 %</translation>
    </message>
    <message>
        <source>no known generator</source>
        <translation>ningún generador conocido</translation>
    </message>
    <message>
        <source>resembles %1</source>
        <translation>se parece a %1</translation>
    </message>
    <message>
        <source>WebP (lossy)</source>
        <translation>WebP (con pérdida)</translation>
    </message>
    <message>
        <source>WebP (lossless)</source>
        <translation>WebP (sin pérdida)</translation>
    </message>
    <message>
        <source>lossy WebP</source>
        <translation>WebP con pérdida</translation>
    </message>
    <message>
        <source>palette-colour</source>
        <translation>con paleta de colores</translation>
    </message>
    <message>
        <source>No images in %1 (images are found by their names&apos; endings, such as .jpg, .png, .tif, .webp, .heic)</source>
        <translation>No hay imágenes en %1 (las imágenes se reconocen por la terminación de su nombre, como .jpg, .png, .tif, .webp, .heic)</translation>
    </message>
    <message>
        <source>%1 could not be read whole; the images in it are not listed (%2)</source>
        <translation>No se pudo leer %1 por completo; sus imágenes no se listan (%2)</translation>
    </message>
</context>
<context>
    <name>clipflow::app::CaseDialog</name>
    <message>
        <source>Case properties</source>
        <translation>Propiedades del caso</translation>
    </message>
    <message>
        <source>Case title</source>
        <translation>Título del caso</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analista</translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation>Notas del caso</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>clipflow::app::EvidenceModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensiones</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>CLIP-Flow p</source>
        <translation>p de CLIP-Flow</translation>
    </message>
    <message>
        <source>p_ai</source>
        <translation>p_ai</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>analysing…</source>
        <translation>analizando…</translation>
    </message>
    <message>
        <source>cannot analyse</source>
        <translation>no se puede analizar</translation>
    </message>
    <message>
        <source>not analysed (cancelled)</source>
        <translation>no analizado (cancelado)</translation>
    </message>
    <message>
        <source>no detector</source>
        <translation>sin detector</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Procedencia</translation>
    </message>
    <message>
        <source>inconclusive: detectors disagree</source>
        <translation>no concluyente: los detectores discrepan</translation>
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
        <translation>Suelte una imagen aquí o use Archivo › Abrir.</translation>
    </message>
    <message>
        <source>Evidence details</source>
        <translation>Detalles de la evidencia</translation>
    </message>
    <message>
        <source>Detector results</source>
        <translation>Resultados de los detectores</translation>
    </message>
    <message>
        <source>Image (stored pixel grid)</source>
        <translation>Imagen (rejilla de píxeles almacenada)</translation>
    </message>
    <message>
        <source>Case integrity warning</source>
        <translation>Aviso de integridad del caso</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadatos</translation>
    </message>
    <message>
        <source>Your notes on this file: where it came from, what you checked. Saved in the case.</source>
        <translation>Sus notas sobre este archivo: de dónde vino y qué comprobó. Se guardan en el caso.</translation>
    </message>
    <message>
        <source>Analyst notes</source>
        <translation>Notas del analista</translation>
    </message>
    <message>
        <source>Model cards</source>
        <translation>Fichas de los modelos</translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation>Detectores</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Spectra</source>
        <translation>Espectros</translation>
    </message>
    <message>
        <source>Among natural images (CLIP-Flow calibration)</source>
        <translation>Entre imágenes naturales (calibración de CLIP-Flow)</translation>
    </message>
    <message>
        <source>Filter (name, hash, format, verdict)…</source>
        <translation>Filtrar (nombre, hash, formato, veredicto)…</translation>
    </message>
    <message>
        <source>Filter evidence</source>
        <translation>Filtrar evidencias</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>Ready — ClipFlow Forensics %1</source>
        <translation>Listo — ClipFlow Forensics %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n evidence file(s) differ from the case record:
</source>
        <translation>
            <numerusform>⚠ %n archivo de evidencia difiere del registro del caso:
</numerusform>
            <numerusform>⚠ %n archivos de evidencia difieren del registro del caso:
</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <source>Recent &amp;files</source>
        <translation>Archivos &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Cancel queued analyses</source>
        <translation>Cancelar análisis en c&amp;ola</translation>
    </message>
    <message>
        <source>Open &amp;case…</source>
        <translation>Abrir c&amp;aso…</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Abrir caso</translation>
    </message>
    <message>
        <source>ClipFlow cases (*.cfcase)</source>
        <translation>Casos de ClipFlow (*.cfcase)</translation>
    </message>
    <message>
        <source>Recent c&amp;ases</source>
        <translation>Casos r&amp;ecientes</translation>
    </message>
    <message>
        <source>&amp;Save case</source>
        <translation>&amp;Guardar caso</translation>
    </message>
    <message>
        <source>Save case</source>
        <translation>Guardar caso</translation>
    </message>
    <message>
        <source>Save case &amp;as…</source>
        <translation>Guardar caso &amp;como…</translation>
    </message>
    <message>
        <source>Case &amp;properties…</source>
        <translation>&amp;Propiedades del caso…</translation>
    </message>
    <message>
        <source>&amp;Export report (PDF)…</source>
        <translation>&amp;Exportar informe (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelos…</translation>
    </message>
    <message>
        <source>&amp;Train a CLIP-Flow detector…</source>
        <translation>&amp;Entrenar un detector CLIP-Flow…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About ClipFlow Forensics</source>
        <translation>&amp;Acerca de ClipFlow Forensics</translation>
    </message>
    <message>
        <source>About ClipFlow Forensics</source>
        <translation>Acerca de ClipFlow Forensics</translation>
    </message>
    <message>
        <source>&lt;b&gt;ClipFlow Forensics %1&lt;/b&gt;&lt;p&gt;Decide whether an image was made by an AI generator: CLIP-Flow (trained on natural photos only), a supervised detector, and spectra you can check yourself.&lt;/p&gt;&lt;p&gt;Absence of detection is not proof of authenticity.&lt;/p&gt;</source>
        <translation>&lt;b&gt;ClipFlow Forensics %1&lt;/b&gt;&lt;p&gt;Decida si una imagen fue creada por un generador de IA: CLIP-Flow (entrenado solo con fotos naturales), un detector supervisado y espectros que puede comprobar usted mismo.&lt;/p&gt;&lt;p&gt;La ausencia de detección no prueba la autenticidad.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>Abrir una carpeta de imágenes</translation>
    </message>
    <message>
        <source>ClipFlow Forensics — %1</source>
        <translation>ClipFlow Forensics — %1</translation>
    </message>
    <message>
        <source>Export case report</source>
        <translation>Exportar informe del caso</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Nothing to report yet: open and analyse images first.</source>
        <translation>Aún no hay nada que informar: abra y analice imágenes primero.</translation>
    </message>
    <message>
        <source>Report not written: %1</source>
        <translation>Informe no escrito: %1</translation>
    </message>
    <message numerus="yes">
        <source>Report written to %1 (%n file(s))</source>
        <translation>
            <numerusform>Informe escrito en %1 (%n archivo)</numerusform>
            <numerusform>Informe escrito en %1 (%n archivos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Detectors changed; files opened from now on use them.</source>
        <translation>Detectores cambiados; los archivos que abra a partir de ahora los usarán.</translation>
    </message>
    <message>
        <source>New detector</source>
        <translation>Nuevo detector</translation>
    </message>
    <message>
        <source>Use the new detector for CLIP-Flow from now on?</source>
        <translation>¿Usar el nuevo detector para CLIP-Flow a partir de ahora?</translation>
    </message>
    <message>
        <source>Queued analyses cancelled</source>
        <translation>Análisis en cola cancelados</translation>
    </message>
    <message>
        <source>Analysing %1 of %2: %3…</source>
        <translation>Analizando %1 de %2: %3…</translation>
    </message>
    <message>
        <source>Analysed %1</source>
        <translation>Analizado: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falló: %1</translation>
    </message>
    <message>
        <source>Case not saved: %1</source>
        <translation>Caso no guardado: %1</translation>
    </message>
    <message>
        <source>Case saved to %1</source>
        <translation>Caso guardado en %1</translation>
    </message>
    <message>
        <source>Cannot open the case: %1</source>
        <translation>No se puede abrir el caso: %1</translation>
    </message>
    <message>
        <source>Open evidence image</source>
        <translation>Abrir imagen de evidencia</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Cannot analyse: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;No se puede analizar: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;SHA-256 &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;%3×%4 %5, %6-bit %7, %8 bytes — %9 periodic peak(s)&lt;br&gt;&lt;i&gt;%10&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;SHA-256 &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;%3×%4 %5, %7 de %6 bits, %8 bytes — %9 pico(s) periódico(s)&lt;br&gt;&lt;i&gt;%10&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Stored value: %1</source>
        <translation>Valor almacenado: %1</translation>
    </message>
    <message>
        <source>Metadata (%1)</source>
        <translation>Metadatos (%1)</translation>
    </message>
    <message>
        <source>Metadata (unreadable)</source>
        <translation>Metadatos (ilegibles)</translation>
    </message>
    <message>
        <source>EXIF, IPTC and XMP through Exiv2</source>
        <translation>EXIF, IPTC y XMP mediante Exiv2</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The detectors disagree.&lt;/b&gt; Look at the spectra.&lt;br&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;Los detectores no coinciden.&lt;/b&gt; Mire los espectros.&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;%1&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;%1&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;small&gt;Absence of evidence is not proof of authenticity; resizing and recompression weaken every detector.&lt;/small&gt;</source>
        <translation>&lt;br&gt;&lt;small&gt;La ausencia de pruebas no prueba la autenticidad; el redimensionado y la recompresión debilitan todos los detectores.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The file changed on disk during the analysis (%1); these results describe the bytes read at intake.&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;El archivo cambió en el disco durante el análisis (%1); estos resultados describen los bytes leídos al ingresarlo.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Procedencia</translation>
    </message>
    <message>
        <source>Trust anchors</source>
        <translation>Anclas de confianza</translation>
    </message>
    <message>
        <source>The C2PA trust anchors could not be read, so no signer is trusted: %1</source>
        <translation>No se pudieron leer las anclas de confianza C2PA, así que ningún firmante es de confianza: %1</translation>
    </message>
    <message>
        <source>Provenance ✓</source>
        <translation>Procedencia ✓</translation>
    </message>
    <message>
        <source>Provenance ✗</source>
        <translation>Procedencia ✗</translation>
    </message>
    <message>
        <source>Provenance •</source>
        <translation>Procedencia •</translation>
    </message>
    <message>
        <source>%1 bytes of text%2</source>
        <translation>%1 bytes de texto%2</translation>
    </message>
    <message>
        <source>, cut at the reader&apos;s limit</source>
        <translation>, cortado en el límite del lector</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The file says it was AI-generated:&lt;/b&gt; %1 (see Provenance; metadata can be forged or removed)&lt;br&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;El archivo dice haber sido generado por IA:&lt;/b&gt; %1 (véase Procedencia; los metadatos pueden falsificarse o eliminarse)&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Content Credentials: %1 (see Provenance)&lt;br&gt;</source>
        <translation>&lt;br&gt;Content Credentials: %1 (véase Procedencia)&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;The file&apos;s metadata claims a camera capture (IPTC %1); metadata can be forged.&lt;br&gt;</source>
        <translation>&lt;br&gt;Los metadatos del archivo declaran una captura de cámara (IPTC %1); los metadatos pueden falsificarse.&lt;br&gt;</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Mapa de calor</translation>
    </message>
    <message>
        <source>Show the heat map</source>
        <translation>Mostrar el mapa de calor</translation>
    </message>
    <message>
        <source>natural</source>
        <translation>natural</translation>
    </message>
    <message>
        <source>less natural</source>
        <translation>menos natural</translation>
    </message>
    <message>
        <source>Heat map ready</source>
        <translation>Mapa de calor listo</translation>
    </message>
    <message>
        <source>No heat map: %1</source>
        <translation>Sin mapa de calor: %1</translation>
    </message>
    <message>
        <source>Computing the heat map…</source>
        <translation>Calculando el mapa de calor…</translation>
    </message>
    <message>
        <source>the file changed on disk since it was analysed</source>
        <translation>el archivo cambió en el disco desde que se analizó</translation>
    </message>
    <message>
        <source>JPEG structure</source>
        <translation>Estructura JPEG</translation>
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
        <translation>%v de %m archivos</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>Progreso del lote</translation>
    </message>
    <message>
        <source>estimating time left…</source>
        <translation>estimando el tiempo restante…</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>queda unos %n s</numerusform>
            <numerusform>quedan unos %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>queda unos %n min</numerusform>
            <numerusform>quedan unos %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Error level analysis</source>
        <translation>Análisis del nivel de error</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.bmp *.gif);;All files (*)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.bmp *.gif);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Supervised&lt;/b&gt; (%1)&lt;br&gt;%2&lt;br&gt;%3 · %4&lt;br&gt;</source>
        <translation>&lt;b&gt;Supervisado&lt;/b&gt; (%1)&lt;br&gt;%2&lt;br&gt;%3 · %4&lt;br&gt;</translation>
    </message>
    <message>
        <source>Where the CLIP-Flow detector finds the image least natural, tile by tile (256-pixel tiles at native resolution, overlapping). A tile&apos;s score is noisier than the image&apos;s: look for regions that stand out over several tiles, not single bright squares. Press H to switch it on or off.</source>
        <translation>Dónde el detector CLIP-Flow encuentra la imagen menos natural, tesela a tesela (teselas de 256 píxeles a resolución nativa, solapadas). La puntuación de una tesela es más ruidosa que la de la imagen: busque regiones que destaquen en varias teselas, no cuadrados claros aislados. Pulse H para mostrarlo u ocultarlo.</translation>
    </message>
    <message>
        <source>Error levels</source>
        <translation>Niveles de error</translation>
    </message>
    <message>
        <source>Show the error level analysis in place of the image, at the same zoom and place (JPEG files only; press E to switch between the two). Regions saved fewer times than the rest may stand out; edges and texture always do.</source>
        <translation>Mostrar el análisis del nivel de error en lugar de la imagen, con el mismo zoom y en el mismo lugar (solo archivos JPEG; pulse E para alternar entre ambos). Las regiones guardadas menos veces que el resto pueden destacar; los bordes y las texturas siempre lo hacen.</translation>
    </message>
    <message>
        <source>Show the error levels</source>
        <translation>Mostrar los niveles de error</translation>
    </message>
    <message>
        <source>JPEG 90, differences ×20: a pointer, never a finding</source>
        <translation>JPEG 90, diferencias ×20: una pista, nunca un hallazgo</translation>
    </message>
    <message>
        <source>JPEG picture caption</source>
        <translation>Leyenda de la imagen JPEG</translation>
    </message>
    <message>
        <source>JPEG ghosts</source>
        <translation>Fantasmas JPEG</translation>
    </message>
    <message>
        <source>The image re-saved at qualities 50 to 95, one map per quality. A region first saved at a lower quality than the rest (pasted in from another JPEG) is dark in that quality&apos;s map while the rest is light. Computed when asked (seconds for a large photo).</source>
        <translation>La imagen guardada de nuevo con calidades de 50 a 95, un mapa por calidad. Una región guardada primero con una calidad más baja que el resto (pegada desde otro JPEG) es oscura en el mapa de esa calidad mientras el resto es claro. Se calcula al pedirlo (segundos para una foto grande).</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts:&lt;/b&gt; none could be made: %1</source>
        <translation>&lt;b&gt;Fantasmas JPEG:&lt;/b&gt; no se pudieron calcular: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts:&lt;/b&gt; computing…</source>
        <translation>&lt;b&gt;Fantasmas JPEG:&lt;/b&gt; calculando…</translation>
    </message>
    <message>
        <source>JPEG ghosts: quality</source>
        <translation>Fantasmas JPEG: calidad</translation>
    </message>
    <message>
        <source>JPEG %1</source>
        <translation>JPEG %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Report figures</source>
        <translation>Figuras del informe</translation>
    </message>
    <message>
        <source>Making the heat maps and JPEG ghosts for the report: file %1 of %2…</source>
        <translation>Generando los mapas de calor y los fantasmas JPEG para el informe: archivo %1 de %2…</translation>
    </message>
    <message>
        <source>Making the heat maps for the report: file %1 of %2…</source>
        <translation>Generando los mapas de calor para el informe: archivo %1 de %2…</translation>
    </message>
    <message>
        <source>Making the JPEG ghosts for the report: file %1 of %2…</source>
        <translation>Generando los fantasmas JPEG para el informe: archivo %1 de %2…</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Cuadrícula</translation>
    </message>
    <message>
        <source>Where the re-saves put their 8 × 8 block grid: columns and rows past the image&apos;s (0, 0: the image&apos;s own). A region pasted from another JPEG at a position that is no multiple of 8 keeps its own grid, and its ghost shows only on that grid: the rest then changes least at the highest quality everywhere, and the region stands out as a dip at its first quality.</source>
        <translation>Dónde ponen los reguardados su cuadrícula de bloques 8 × 8: columnas y filas desplazadas respecto a la de la imagen (0, 0: la de la imagen). Una región pegada desde otro JPEG en una posición que no es múltiplo de 8 conserva su propia cuadrícula, y su fantasma solo aparece en esa cuadrícula: el resto cambia entonces menos en la calidad más alta en todas partes, y la región destaca como un hueco en su primera calidad.</translation>
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
        <translation>Fantasmas JPEG: columnas de la cuadrícula desplazadas respecto a la imagen</translation>
    </message>
    <message>
        <source>JPEG ghosts: grid rows past the image&apos;s</source>
        <translation>Fantasmas JPEG: filas de la cuadrícula desplazadas respecto a la imagen</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more folder(s))</source>
        <translation>
            <numerusform>(y %n carpeta más)</numerusform>
            <numerusform>(y %n carpetas más)</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder not read whole</source>
        <translation>Carpeta no leída por completo</translation>
    </message>
    <message>
        <source>Some images of %1 are not in the case:</source>
        <translation>Algunas imágenes de %1 no están en el caso:</translation>
    </message>
    <message>
        <source>Listing %1…</source>
        <translation>Listando %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;CLIP-Flow&lt;/b&gt; (%1, backbone %2)&lt;br&gt;%3&lt;br&gt;%4 · %5 · ai_score %6&lt;br&gt;</source>
        <translation>&lt;b&gt;CLIP-Flow&lt;/b&gt; (%1, red base %2)&lt;br&gt;%3&lt;br&gt;%4 · %5 · ai_score %6&lt;br&gt;</translation>
    </message>
    <message>
        <source>All tabs</source>
        <translation>Todas las pestañas</translation>
    </message>
</context>
<context>
    <name>clipflow::app::ModelDownloader</name>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>el archivo supera los %1 MB</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>el servidor respondió HTTP %1</translation>
    </message>
    <message>
        <source>the server sent an empty file</source>
        <translation>el servidor envió un archivo vacío</translation>
    </message>
    <message>
        <source>SHA-256 mismatch: expected %1, got %2</source>
        <translation>SHA-256 no coincide: se esperaba %1 y se obtuvo %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>no se puede guardar %1: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
</context>
<context>
    <name>clipflow::app::ModelManager</name>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Modelos instalados</translation>
    </message>
    <message>
        <source>Use for CLIP-Flow</source>
        <translation>Usar para CLIP-Flow</translation>
    </message>
    <message>
        <source>Use for supervised</source>
        <translation>Usar para el supervisado</translation>
    </message>
    <message>
        <source>Install from file…</source>
        <translation>Instalar desde archivo…</translation>
    </message>
    <message>
        <source>Download a CLIP model</source>
        <translation>Descargar un modelo CLIP</translation>
    </message>
    <message>
        <source>CLIP model</source>
        <translation>Modelo CLIP</translation>
    </message>
    <message>
        <source>Download URL</source>
        <translation>URL de descarga</translation>
    </message>
    <message>
        <source>Download CLIP model…</source>
        <translation>Descargar modelo CLIP…</translation>
    </message>
    <message>
        <source>Fetched only when you press the button, from this address; the SHA-256 in OpenAI&apos;s URLs is checked. About 350 MB (ViT-B/32) or 900 MB (ViT-L/14).</source>
        <translation>Solo se descarga cuando pulsa el botón, desde esta dirección; se comprueba el SHA-256 de las URL de OpenAI. Unos 350 MB (ViT-B/32) o 900 MB (ViT-L/14).</translation>
    </message>
    <message>
        <source>Install a model</source>
        <translation>Instalar un modelo</translation>
    </message>
    <message>
        <source>Models (*.safetensors *.pt *.bin);;All files (*)</source>
        <translation>Modelos (*.safetensors *.pt *.bin);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Downloading: %1 MB</source>
        <translation>Descargando: %1 MB</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>Descarga fallida: %1</translation>
    </message>
    <message>
        <source>%1; calibrated on %2 natural photos, FPR %3%</source>
        <translation>%1; calibrado con %2 fotos naturales, TFP %3 %</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n class(es)</source>
        <translation>
            <numerusform>%1; %n clase</numerusform>
            <numerusform>%1; %n clases</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 layers, %3 px</source>
        <translation>%1, %2 capas, %3 px</translation>
    </message>
    <message>
        <source>CLIP-Flow detector</source>
        <translation>Detector CLIP-Flow</translation>
    </message>
    <message>
        <source>Supervised detector</source>
        <translation>Detector supervisado</translation>
    </message>
    <message>
        <source>CLIP backbone</source>
        <translation>Red base CLIP</translation>
    </message>
    <message>
        <source>Select a %1 model in the list first.</source>
        <translation>Seleccione primero un modelo %1 en la lista.</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>supervisado</translation>
    </message>
    <message>
        <source>Active: %1</source>
        <translation>Activo: %1</translation>
    </message>
    <message>
        <source>%1 is not a valid detector model</source>
        <translation>%1 no es un modelo detector válido</translation>
    </message>
    <message>
        <source>a model named %1 is already installed</source>
        <translation>ya hay instalado un modelo llamado %1</translation>
    </message>
    <message>
        <source>cannot copy to %1</source>
        <translation>no se puede copiar a %1</translation>
    </message>
    <message>
        <source>Installed %1</source>
        <translation>Instalado: %1</translation>
    </message>
    <message>
        <source>Installed CLIP %1 (%2)</source>
        <translation>CLIP instalado: %1 (%2)</translation>
    </message>
    <message>
        <source>neither a detector nor a CLIP checkpoint: %1</source>
        <translation>ni detector ni punto de control CLIP: %1</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>No instalado: %1</translation>
    </message>
    <message>
        <source>Cannot download from %1</source>
        <translation>No se puede descargar desde %1</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Cancelar descarga</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Descargando %1…</translation>
    </message>
    <message>
        <source>%1; calibrated on %2 natural photos, at most %3% false positives (%4% confidence)</source>
        <translation>%1; calibrado con %2 fotos naturales, como máximo %3 % de falsos positivos (%4 % de confianza)</translation>
    </message>
    <message>
        <source>%1, read twice (second reading: %2)</source>
        <translation>%1, leído dos veces (segunda lectura: %2)</translation>
    </message>
    <message>
        <source>%1 with the chroma halved</source>
        <translation>%1 con la crominancia reducida a la mitad</translation>
    </message>
</context>
<context>
    <name>clipflow::app::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Report page size</source>
        <translation>Tamaño de página de los informes</translation>
    </message>
    <message>
        <source>A new language applies when the program next starts.</source>
        <translation>Un nuevo idioma se aplica la próxima vez que se inicie el programa.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Time limit per file</source>
        <translation>Tiempo máximo por archivo</translation>
    </message>
    <message>
        <source>Each image is first read in a separate process; one that takes longer, or crashes it, is reported and skipped, and the queue goes on.</source>
        <translation>Cada imagen se lee primero en un proceso aparte; una que tarde más, o que lo haga fallar, se notifica y se omite, y la cola continúa.</translation>
    </message>
    <message>
        <source>Re-score each image after JPEG and resizing</source>
        <translation>Volver a puntuar cada imagen tras JPEG y redimensionado</translation>
    </message>
    <message>
        <source>JPEG quality 90 and 75, 75% and 50% size, in memory. A verdict that changes under them is reported as inconclusive. Scoring takes five times as long.</source>
        <translation>JPEG calidad 90 y 75, tamaño 75 % y 50 %, en memoria. Un veredicto que cambia con ellas se indica como no concluyente. La puntuación tarda cinco veces más.</translation>
    </message>
    <message>
        <source>Robustness checks</source>
        <translation>Comprobaciones de robustez</translation>
    </message>
    <message>
        <source>none: no signer is trusted</source>
        <translation>ninguna: ningún firmante es de confianza</translation>
    </message>
    <message>
        <source>C2PA trust anchors</source>
        <translation>Anclas de confianza C2PA</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados PEM (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>No trust list ships with ClipFlow: valid Content Credentials are shown as signed by their signer, “issuer not on your trust list”. Add the root or intermediate certificates (PEM) of signers you have reason to trust.</source>
        <translation>ClipFlow no incluye ninguna lista de confianza: las Content Credentials válidas se muestran como firmadas por su firmante, «emisor no incluido en su lista de confianza». Añada los certificados raíz o intermedios (PEM) de los firmantes en los que tenga motivos para confiar.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) will be trusted from the next file analysed.</source>
        <translation>
            <numerusform>Se confiará en %n certificado a partir del próximo archivo analizado.</numerusform>
            <numerusform>Se confiará en %n certificados a partir del próximo archivo analizado.</numerusform>
        </translation>
    </message>
    <message>
        <source>A heat map of every file</source>
        <translation>Un mapa de calor de cada archivo</translation>
    </message>
    <message>
        <source>Files whose heat map you did not open get one when the report is exported (seconds for a large photo; kept in the case).</source>
        <translation>Los archivos cuyo mapa de calor no abrió reciben uno al exportar el informe (segundos para una foto grande; se guarda en el caso).</translation>
    </message>
    <message>
        <source>JPEG ghosts of every JPEG</source>
        <translation>Fantasmas JPEG de cada JPEG</translation>
    </message>
    <message>
        <source>JPEG files whose ghosts you did not open get them when the report is exported (about a second for a 12 MP photo).</source>
        <translation>Los archivos JPEG cuyos fantasmas no abrió los reciben al exportar el informe (alrededor de un segundo para una foto de 12 MP).</translation>
    </message>
    <message>
        <source>In the report</source>
        <translation>En el informe</translation>
    </message>
</context>
<context>
    <name>clipflow::app::TrainingDialog</name>
    <message>
        <source>Train a CLIP-Flow detector</source>
        <translation>Entrenar un detector CLIP-Flow</translation>
    </message>
    <message>
        <source>Natural-image folders</source>
        <translation>Carpetas de imágenes naturales</translation>
    </message>
    <message>
        <source>Photos straight from cameras, never AI images: the detector learns what natural looks like.</source>
        <translation>Fotos salidas de cámaras, nunca imágenes de IA: el detector aprende cómo es lo natural.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Red base</translation>
    </message>
    <message>
        <source>Forensic features (no weights, fast)</source>
        <translation>Rasgos forenses (sin pesos, rápido)</translation>
    </message>
    <message>
        <source>CLIP %1 (%2)</source>
        <translation>CLIP %1 (%2)</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Combined: raise natural, lower proxies</source>
        <translation>Combinado: subir lo natural, bajar los proxies</translation>
    </message>
    <message>
        <source>Proxies only: lower proxies</source>
        <translation>Solo proxies: bajar los proxies</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>Nombre del modelo</translation>
    </message>
    <message>
        <source>Runs on: %1</source>
        <translation>Se ejecuta en: %1</translation>
    </message>
    <message>
        <source>Choose folders of natural photos, then Start.</source>
        <translation>Elija carpetas de fotos naturales y pulse Iniciar.</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>Progreso del entrenamiento</translation>
    </message>
    <message>
        <source>natural NLL</source>
        <translation>NLL natural</translation>
    </message>
    <message>
        <source>proxy NLL</source>
        <translation>NLL proxy</translation>
    </message>
    <message>
        <source>Natural photos</source>
        <translation>Fotos naturales</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>Cancelar entrenamiento</translation>
    </message>
    <message>
        <source>Folder of natural photos</source>
        <translation>Carpeta de fotos naturales</translation>
    </message>
    <message>
        <source>%1: %2 of %3 — about %4 s left</source>
        <translation>%1: %2 de %3 — faltan unos %4 s</translation>
    </message>
    <message>
        <source>Done: calibrated detector saved to %1. It is now in the model list.</source>
        <translation>Hecho: detector calibrado guardado en %1. Ya figura en la lista de modelos.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falló: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>The folders hold no images.</source>
        <translation>Las carpetas no contienen imágenes.</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>No se puede crear %1</translation>
    </message>
    <message>
        <source>Starting on %1 photos…</source>
        <translation>Comenzando con %1 fotos…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Learned forensic network (forensic-v2, shipped)</source>
        <translation>Red forense aprendida (forensic-v2, incluida)</translation>
    </message>
    <message>
        <source>What to train</source>
        <translation>Qué entrenar</translation>
    </message>
    <message>
        <source>A CLIP-Flow detector</source>
        <translation>Un detector CLIP-Flow</translation>
    </message>
    <message>
        <source>The learned backbone (forensic-v2)</source>
        <translation>La red aprendida (forensic-v2)</translation>
    </message>
    <message>
        <source>The backbone learns, from natural photos only, to tell them from decoder-like proxies; its weights can then carry a new detector.</source>
        <translation>La red aprende, solo a partir de fotos naturales, a distinguirlas de proxies que imitan un decodificador; sus pesos pueden luego sostener un nuevo detector.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <source>Done: backbone weights saved to %1. Train a detector on them: they are now a Backbone choice.</source>
        <translation>Listo: pesos de la red guardados en %1. Entrene un detector sobre ellos: ahora son una opción de red base.</translation>
    </message>
    <message>
        <source>Learned forensic network (%1)</source>
        <translation>Red forense aprendida (%1)</translation>
    </message>
    <message>
        <source>Stopped: %1
Start again to resume from the last checkpoint.</source>
        <translation>Detenido: %1
Inicie de nuevo para reanudar desde el último punto de control.</translation>
    </message>
    <message>
        <source>Train the learned backbone</source>
        <translation>Entrenar la red aprendida</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>pérdida de entrenamiento</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Empezar desde</translation>
    </message>
    <message>
        <source>Train further from existing weights (a new schedule over the steps you choose), or from random weights.</source>
        <translation>Seguir entrenando desde pesos existentes (un nuevo calendario sobre los pasos elegidos) o desde pesos aleatorios.</translation>
    </message>
    <message>
        <source>Random weights</source>
        <translation>Pesos aleatorios</translation>
    </message>
    <message>
        <source>The shipped forensic-v2 weights</source>
        <translation>Los pesos forensic-v2 incluidos</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Photos as taken</source>
        <translation>Fotos tal como se tomaron</translation>
    </message>
    <message>
        <source>At most 5% of held-out photos as they are flagged: the most sensitive reading.</source>
        <translation>Como máximo se marca el 5 % de las fotos reservadas tal como son: la lectura más sensible.</translation>
    </message>
    <message>
        <source>One threshold, also for photos delivered small (512 px, JPEG 85)</source>
        <translation>Un solo umbral, también para fotos entregadas en pequeño (512 px, JPEG 85)</translation>
    </message>
    <message>
        <source>Per kind: small JPEG copies against photos delivered small</source>
        <translation>Por tipo: copias JPEG pequeñas frente a fotos entregadas en pequeño</translation>
    </message>
    <message>
        <source>Small JPEG files (shorter side at most %1 px) are read against the held-out photos delivered so, every other image against them as taken: each kind keeps its own 5% bound (as the shipped detector does).</source>
        <translation>Los archivos JPEG pequeños (lado menor de como máximo %1 px) se leen frente a las fotos reservadas entregadas así, cualquier otra imagen frente a ellas tal como se tomaron: cada tipo conserva su propio límite del 5 % (como el detector incluido).</translation>
    </message>
    <message>
        <source>False-positive bound</source>
        <translation>Cota de falsos positivos</translation>
    </message>
    <message>
        <source>The threshold then holds at most 5% false positives for held-out photos shrunk to 512 px and recompressed too: fewer false alarms on such copies, but fewer AI images flagged everywhere (see the method documentation).</source>
        <translation>El umbral mantiene entonces como máximo un 5 % de falsos positivos también para las fotos reservadas reducidas a 512 px y recomprimidas: menos falsas alarmas en esas copias, pero menos imágenes de IA marcadas en todas partes (véase la documentación del método).</translation>
    </message>
    <message>
        <source>Decoder proxies&apos; strength</source>
        <translation>Intensidad de los proxies de decodificador</translation>
    </message>
    <message>
        <source>The two decoder proxies (VAE-like decoder, up-sampling cascade) are moved back toward the photo by a strength drawn between this value and 1: a trained decoder keeps its error small, so its traces are weaker than a whole proxy&apos;s. 1 leaves them whole (the shipped recipe); the method documentation says what lower values did.</source>
        <translation>Los dos proxies de decodificador (decodificador tipo VAE, cascada de sobremuestreo) se devuelven hacia la foto con una intensidad elegida entre este valor y 1: un decodificador entrenado mantiene pequeño su error, así que sus huellas son más débiles que las de un proxy completo. 1 los deja completos (la receta distribuida); la documentación del método explica qué dieron valores menores.</translation>
    </message>
    <message>
        <source>Read photos in either orientation</source>
        <translation>Leer las fotos en cualquier orientación</translation>
    </message>
    <message>
        <source>Each view is read as it is and transposed, and the more natural reading counts (the held-out photos too), so a photo saved turned a quarter keeps the false-positive bound, as with the shipped detector. Unchecked: the stored pixel grid, which is faster.</source>
        <translation>Cada vista se lee tal como está y transpuesta, y cuenta la lectura más natural (también para las fotos reservadas), de modo que una foto guardada girada un cuarto de vuelta mantiene el límite de falsos positivos, como con el detector incluido. Sin marcar: la cuadrícula de píxeles almacenada, que es más rápida.</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientación</translation>
    </message>
    <message>
        <source>The shipped forensic-v2 weights, chroma halved</source>
        <translation>Los pesos forensic-v2 incluidos, con la crominancia a la mitad</translation>
    </message>
    <message>
        <source>Read with the chroma halved</source>
        <translation>Leer con la crominancia a la mitad</translation>
    </message>
    <message>
        <source>The network reads every image with its colour averaged over 2 × 2 pixels, as a JPEG saved with 4:2:0 chroma does, so it learns from luminance what colour would tell it too easily: the network of the shipped detector&apos;s second reading. Weights to start from must have been trained so too.</source>
        <translation>La red lee cada imagen con su color promediado en 2 × 2 píxeles, como lo hace un JPEG guardado con crominancia 4:2:0, y aprende así de la luminancia lo que el color le diría con demasiada facilidad: la red de la segunda lectura del detector incluido. Los pesos de partida deben haberse entrenado igual.</translation>
    </message>
    <message>
        <source>Chroma</source>
        <translation>Crominancia</translation>
    </message>
    <message>
        <source>Also read with the chroma halved, as the shipped detector</source>
        <translation>Leer también con la crominancia reducida a la mitad, como el detector incluido</translation>
    </message>
    <message>
        <source>A second flow is trained over the shipped network that reads the chroma halved, on the decoder proxies, and joined to the first: each view then reads as the less natural of the two (the shipped detector&apos;s recipe; better on AI images saved as JPEG). About twice the time to train and to score. The held-out photos are read as delivered too, so the bound is never for photos as taken only. Needs the forensic-v2 backbone.</source>
        <translation>Se entrena un segundo flujo sobre la red incluida que lee la crominancia reducida a la mitad, con los proxies de decodificador, y se une al primero: cada vista cuenta entonces la menos natural de las dos lecturas (la receta del detector incluido; mejor con imágenes de IA guardadas como JPEG). Entrenar y puntuar lleva aproximadamente el doble de tiempo. Las fotos reservadas se leen también tal como se entregan, así que la cota nunca es solo para fotos tal como se tomaron. Requiere el backbone forensic-v2.</translation>
    </message>
    <message>
        <source>Second reading</source>
        <translation>Segunda lectura</translation>
    </message>
    <message>
        <source>First reading, </source>
        <translation>Primera lectura, </translation>
    </message>
    <message>
        <source>Second reading, </source>
        <translation>Segunda lectura, </translation>
    </message>
    <message>
        <source>Both readings joined, </source>
        <translation>Ambas lecturas unidas, </translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>No iniciado: %1</translation>
    </message>
    <message>
        <source>Cancelled before training began.</source>
        <translation>Cancelado antes de empezar el entrenamiento.</translation>
    </message>
    <message>
        <source>Listing the folders…</source>
        <translation>Listando las carpetas…</translation>
    </message>
</context>
<context>
    <name>clipflow::app::TrainingJob</name>
    <message>
        <source>a second reading needs the forensic-v2 backbone</source>
        <translation>una segunda lectura necesita el backbone forensic-v2</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::ImageView</name>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Wheel to zoom, drag to pan, F to fit, 1 for actual size</source>
        <translation>Rueda para ampliar, arrastrar para desplazar, F para ajustar, 1 para tamaño real</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::LikelihoodHistogram</name>
    <message>
        <source>Log-likelihood (nats/dim); lower = less like natural photos</source>
        <translation>Log-verosimilitud (nats/dim); menor = menos parecido a fotos naturales</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>Densidad</translation>
    </message>
    <message>
        <source>Likelihood histogram of natural images</source>
        <translation>Histograma de verosimilitud de imágenes naturales</translation>
    </message>
    <message>
        <source>natural images (held out)</source>
        <translation>imágenes naturales (reservadas)</translation>
    </message>
    <message>
        <source>proxy images</source>
        <translation>imágenes proxy</translation>
    </message>
    <message>
        <source>threshold (%1% false positives)</source>
        <translation>umbral (%1 % de falsos positivos)</translation>
    </message>
    <message>
        <source>Likelihood histogram</source>
        <translation>Histograma de verosimilitud</translation>
    </message>
    <message>
        <source>threshold (at most %1% false positives, %2% confidence)</source>
        <translation>umbral (como máximo %1 % de falsos positivos, %2 % de confianza)</translation>
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
        <translation>Log-verosimilitud (nats/dim)
menor = menos parecido a fotos naturales</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>percentile %1%</source>
        <translation>percentil %1 %</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::ProxyPreview</name>
    <message>
        <source>Natural image</source>
        <translation>Imagen natural</translation>
    </message>
    <message>
        <source>Proxy image</source>
        <translation>Imagen proxy</translation>
    </message>
    <message>
        <source>Natural image (left) and its proxy: %1 (right)</source>
        <translation>Imagen natural (izquierda) y su proxy: %1 (derecha)</translation>
    </message>
    <message>
        <source>natural spectrum</source>
        <translation>espectro natural</translation>
    </message>
    <message>
        <source>proxy spectrum</source>
        <translation>espectro proxy</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::RadialProfilePlot</name>
    <message>
        <source>Frequency (cycles/pixel)</source>
        <translation>Frecuencia (ciclos/píxel)</translation>
    </message>
    <message>
        <source>Power (dB)</source>
        <translation>Potencia (dB)</translation>
    </message>
    <message>
        <source>Radial power profile</source>
        <translation>Perfil radial de potencia</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::SpectrumImage</name>
    <message>
        <source>Spectrum</source>
        <translation>Espectro</translation>
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
        <translation>Espectros</translation>
    </message>
    <message>
        <source>Show the %1 spectrum</source>
        <translation>Mostrar el espectro %1</translation>
    </message>
    <message>
        <source>%1 spectrum (log power)</source>
        <translation>espectro %1 (potencia logarítmica)</translation>
    </message>
    <message>
        <source>natural images</source>
        <translation>imágenes naturales</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::TrainingMonitor</name>
    <message>
        <source>Training status</source>
        <translation>Estado del entrenamiento</translation>
    </message>
    <message>
        <source>Training loss curves</source>
        <translation>Curvas de pérdida del entrenamiento</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <source>natural NLL</source>
        <translation>NLL natural</translation>
    </message>
    <message>
        <source>proxy NLL</source>
        <translation>NLL proxy</translation>
    </message>
    <message>
        <source>Epoch %1 of %2 · %3 samples/s · %4 left · %5</source>
        <translation>Época %1 de %2 · %3 muestras/s · faltan %4 · %5</translation>
    </message>
</context>
</TS>
