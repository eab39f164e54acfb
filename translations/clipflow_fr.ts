<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>CaseReport</name>
    <message>
        <source>none (no EXIF, IPTC or XMP; common after re-saving, and not evidence either way)</source>
        <translation>aucune (ni EXIF, ni IPTC, ni XMP ; fréquent après réenregistrement, et sans valeur probante dans un sens ou dans l&apos;autre)</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>entrées : %1</translation>
    </message>
    <message>
        <source>Image forensics case report</source>
        <translation>Rapport d&apos;expertise d&apos;images</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analyste</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(non nommé)</translation>
    </message>
    <message>
        <source>Report created</source>
        <translation>Rapport créé</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>ClipFlow Forensics %1</source>
        <translation>ClipFlow Forensics %1</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>Fichier d&apos;affaire</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Pièces</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Evidence integrity: %n file(s) differ from the case record.</source>
        <translation>
            <numerusform>Intégrité des pièces : %n fichier diffère du dossier de l&apos;affaire.</numerusform>
            <numerusform>Intégrité des pièces : %n fichiers diffèrent du dossier de l&apos;affaire.</numerusform>
        </translation>
    </message>
    <message>
        <source>Evidence integrity: all %1 files match the SHA-256 recorded in the case.</source>
        <translation>Intégrité des pièces : les %1 fichiers correspondent au SHA-256 enregistré dans l&apos;affaire.</translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation>Notes sur l&apos;affaire</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>Supervisé</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>non analysé</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>désaccord</translation>
    </message>
    <message>
        <source>Verdicts are statements of statistical evidence, not of fact. Absence of detection is not proof of authenticity; resizing and recompression weaken every detector. See “Method and limitations”.</source>
        <translation>Les verdicts expriment un poids statistique, non des faits. L&apos;absence de détection ne prouve pas l&apos;authenticité ; le redimensionnement et la recompression affaiblissent tous les détecteurs. Voir « Méthode et limites ».</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Evidence %1: %2</source>
        <translation>Pièce %1 : %2</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>failed:</source>
        <translation>échec :</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>%1 bytes; %2 × %3 px %4, %5-bit %6</source>
        <translation>%1 octets ; %2 × %3 px %4, %6 sur %5 bits</translation>
    </message>
    <message>
        <source>Times (UTC)</source>
        <translation>Horodatage (UTC)</translation>
    </message>
    <message>
        <source>file modified %1; read and hashed %2</source>
        <translation>fichier modifié %1 ; lu et haché %2</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Pixel grid</source>
        <translation>Grille de pixels</translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation>Détecteurs</translation>
    </message>
    <message>
        <source>This image was in the model&apos;s training or calibration set.</source>
        <translation>Cette image faisait partie de l&apos;ensemble d&apos;entraînement ou de calibration du modèle.</translation>
    </message>
    <message>
        <source>CLIP-Flow (%1)</source>
        <translation>CLIP-Flow (%1)</translation>
    </message>
    <message>
        <source>if AI</source>
        <translation>si IA</translation>
    </message>
    <message>
        <source>This image was in the model&apos;s training set.</source>
        <translation>Cette image faisait partie de l&apos;ensemble d&apos;entraînement du modèle.</translation>
    </message>
    <message>
        <source>Supervised (%1)</source>
        <translation>Supervisé (%1)</translation>
    </message>
    <message>
        <source>The detectors disagree: weigh the spectra and the provenance.</source>
        <translation>Les détecteurs ne concordent pas : examinez les spectres et la provenance.</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Indisponible</translation>
    </message>
    <message>
        <source>Stored pixels</source>
        <translation>Pixels stockés</translation>
    </message>
    <message>
        <source>Luminance power spectrum; circles mark periodic peaks (%1 found)</source>
        <translation>Spectre de puissance de la luminance ; les cercles marquent les pics périodiques (%1 trouvés)</translation>
    </message>
    <message>
        <source>Radial profiles</source>
        <translation>Profils radiaux</translation>
    </message>
    <message>
        <source>CLIP-Flow score among held-out natural photos</source>
        <translation>Score CLIP-Flow parmi des photos naturelles réservées</translation>
    </message>
    <message>
        <source>Analyst notes</source>
        <translation>Notes de l&apos;analyste</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>No detector model was loaded.</source>
        <translation>Aucun modèle de détection n&apos;a été chargé.</translation>
    </message>
    <message>
        <source>Method and limitations</source>
        <translation>Méthode et limites</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;CLIP-Flow&lt;/b&gt; models the image features of natural photographs with a normalizing flow trained without any AI-generated image: it learns to give natural photos a high likelihood and &lt;i&gt;proxy&lt;/i&gt; images (the same photos with their Fourier spectra altered the way generators alter them) a low one. An image&apos;s log-likelihood is compared with those of held-out natural photos: the p-value is the share of natural photos scoring as low or lower, and the verdict follows from it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The supervised detector&lt;/b&gt; was trained on real photos and images from named generators; it gives the probability that the image is AI-generated and the most likely generator among those it knows.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Spectra&lt;/b&gt; show what the detectors react to: up-sampling in generators leaves periodic peaks and a raised or lowered high-frequency tail in the radial profile. The analyst can check them directly.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Limitations.&lt;/b&gt; Absence of detection is not proof of authenticity. Recompression, resizing, screenshots and filters weaken every detector and raise the false-positive rate on real photos. A generator unlike anything in training may go unnoticed. Scores are evidence to weigh with provenance, metadata and context, never a verdict on their own. The calibrated false-positive rate holds for photos like the calibration set; for others it is only indicative.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Integrity.&lt;/b&gt; Each file was hashed with SHA-256 when read; the analysis used exactly those bytes and the file was never modified.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;CLIP-Flow&lt;/b&gt; modélise les caractéristiques d&apos;images de photographies naturelles par un flot normalisant entraîné sans aucune image générée par IA : il apprend à donner une vraisemblance élevée aux photos naturelles et faible aux images &lt;i&gt;proxy&lt;/i&gt; (les mêmes photos dont le spectre de Fourier est altéré comme le font les générateurs). La log-vraisemblance d&apos;une image est comparée à celle de photos naturelles réservées : la valeur p est la part de photos naturelles ayant un score aussi bas ou plus bas, et le verdict en découle.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Le détecteur supervisé&lt;/b&gt; a été entraîné sur des photos réelles et des images de générateurs nommés ; il donne la probabilité que l&apos;image soit générée par IA et le générateur le plus probable parmi ceux qu&apos;il connaît.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Les spectres&lt;/b&gt; montrent ce à quoi réagissent les détecteurs : le suréchantillonnage des générateurs laisse des pics périodiques et une queue haute fréquence relevée ou abaissée dans le profil radial. L&apos;analyste peut les vérifier directement.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Limites.&lt;/b&gt; L&apos;absence de détection ne prouve pas l&apos;authenticité. La recompression, le redimensionnement, les captures d&apos;écran et les filtres affaiblissent tous les détecteurs et augmentent le taux de faux positifs sur les photos réelles. Un générateur différent de tout ce qui a servi à l&apos;entraînement peut passer inaperçu. Les scores sont des éléments à peser avec la provenance, les métadonnées et le contexte, jamais un verdict à eux seuls. Le taux de faux positifs calibré vaut pour des photos semblables à l&apos;ensemble de calibration ; pour les autres, il n&apos;est qu&apos;indicatif.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Intégrité.&lt;/b&gt; Chaque fichier a été haché en SHA-256 à la lecture ; l&apos;analyse a utilisé exactement ces octets et le fichier n&apos;a jamais été modifié.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Case report</source>
        <translation>Rapport d&apos;affaire</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Intégrité</translation>
    </message>
    <message>
        <source>hashed again after the analysis: unchanged</source>
        <translation>haché de nouveau après l&apos;analyse : inchangé</translation>
    </message>
    <message>
        <source>changed during the analysis (%1); the results describe the bytes read at intake</source>
        <translation>modifié pendant l&apos;analyse (%1) ; les résultats décrivent les octets lus à l&apos;entrée</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>see the provenance section</source>
        <translation>voir la section provenance</translation>
    </message>
    <message>
        <source>Heat map: natural</source>
        <translation>Carte de chaleur : naturel</translation>
    </message>
    <message>
        <source>less natural</source>
        <translation>moins naturel</translation>
    </message>
    <message>
        <source>The CLIP-Flow detector&apos;s score of each 256-pixel tile of the stored pixels (%1 × %2 tiles, overlapping); a tile&apos;s score is noisier than the image&apos;s, so weigh regions, not single tiles.</source>
        <translation>Le score du détecteur CLIP-Flow pour chaque tuile de 256 pixels des pixels stockés (%1 × %2 tuiles, chevauchantes) ; le score d&apos;une tuile est plus bruité que celui de l&apos;image : jugez des régions, pas des tuiles isolées.</translation>
    </message>
    <message>
        <source>JPEG structure</source>
        <translation>Structure JPEG</translation>
    </message>
    <message>
        <source>&lt;p&gt;The supervised detector&apos;s level is read as CLIP-Flow&apos;s is: its log odds of a real photo are compared with those of %1 natural photos it never saw, and the verdict follows from that p-value, not from its probability alone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le niveau du détecteur supervisé se lit comme celui de CLIP-Flow : sa cote logarithmique d’une photo réelle est comparée à celles de %1 photos naturelles qu’il n’a jamais vues, et le verdict découle de cette valeur p, non de sa seule probabilité.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No JPEG ghosts: %1</source>
        <translation>Pas de fantômes JPEG : %1</translation>
    </message>
    <message>
        <source>No heat map: %1</source>
        <translation>Pas de carte de chaleur : %1</translation>
    </message>
    <message>
        <source>%1 among natural photos</source>
        <translation>%1 parmi les photos naturelles</translation>
    </message>
    <message>
        <source>Name and format</source>
        <translation>Nom et format</translation>
    </message>
</context>
<context>
    <name>JpegHtml</name>
    <message>
        <source>The JPEG structure could not be read:</source>
        <translation>La structure JPEG n&apos;a pas pu être lue :</translation>
    </message>
    <message>
        <source>Not a JPEG file (%1): no quantization tables to read.</source>
        <translation>Pas un fichier JPEG (%1) : aucune table de quantification à lire.</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <source>luminance %1, chrominance %2: libjpeg&apos;s standard tables (most software, web services and generators&apos; savers)</source>
        <translation>luminance %1, chrominance %2 : tables standard de libjpeg (la plupart des logiciels, services web et enregistreurs des générateurs)</translation>
    </message>
    <message>
        <source>luminance ≈ %1, chrominance ≈ %2: the file&apos;s own tables (cameras, phones, some editors)</source>
        <translation>luminance ≈ %1, chrominance ≈ %2 : tables propres au fichier (appareils photo, téléphones, certains éditeurs)</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>%1 × %2, %3, %4</source>
        <translation>%1 × %2, %3, %4</translation>
    </message>
    <message>
        <source>progressive</source>
        <translation>progressif</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>séquentiel</translation>
    </message>
    <message>
        <source>not tested (%1)</source>
        <translation>non testé (%1)</translation>
    </message>
    <message>
        <source>indicated</source>
        <translation>indiquée</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>the DCT histograms show the periodic gaps or peaks of a second save with other tables. The image was saved as JPEG at least twice: re-saved by an editor, a messenger or a web service. Ordinary for files that travelled; not expected of a camera original.</source>
        <translation>les histogrammes DCT montrent les creux ou pics périodiques d&apos;un second enregistrement avec d&apos;autres tables. L&apos;image a été enregistrée en JPEG au moins deux fois : par un éditeur, une messagerie ou un service web. Courant pour un fichier qui a circulé ; inattendu pour un original d&apos;appareil photo.</translation>
    </message>
    <message>
        <source>not indicated (score %1): the DCT histograms fall off smoothly, as after one save (a second save at a higher quality than the first, or with the same tables, leaves no such trace)</source>
        <translation>non indiquée (score %1) : les histogrammes DCT décroissent régulièrement, comme après un seul enregistrement (un second enregistrement à une qualité supérieure à la première, ou avec les mêmes tables, ne laisse pas cette trace)</translation>
    </message>
    <message>
        <source>Double compression</source>
        <translation>Double compression</translation>
    </message>
    <message>
        <source>none (many programs drop it; its absence means nothing)</source>
        <translation>aucune (beaucoup de programmes la suppriment ; son absence ne signifie rien)</translation>
    </message>
    <message>
        <source>present but unreadable</source>
        <translation>présente mais illisible</translation>
    </message>
    <message>
        <source>%1 × %2, shows the same picture (mean difference %3 grey levels)</source>
        <translation>%1 × %2, montre la même image (différence moyenne %3 niveaux de gris)</translation>
    </message>
    <message>
        <source>does not match</source>
        <translation>ne correspond pas</translation>
    </message>
    <message>
        <source>%1 × %2: %3. The camera wrote the thumbnail with the picture; a picture cropped, retouched or replaced afterwards by software that kept the old thumbnail no longer matches it.</source>
        <translation>%1 × %2 : %3. L&apos;appareil a écrit la vignette avec la photo ; une photo recadrée, retouchée ou remplacée ensuite par un logiciel qui a gardé l&apos;ancienne vignette ne lui correspond plus.</translation>
    </message>
    <message>
        <source>EXIF thumbnail</source>
        <translation>Vignette EXIF</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>These are properties of the file, not of the scene: they say how it was saved, not whether an AI made it. A generator&apos;s output saved by an editor looks like any other edited JPEG.</source>
        <translation>Ce sont des propriétés du fichier, pas de la scène : elles disent comment il a été enregistré, pas si une IA l&apos;a produit. La sortie d&apos;un générateur enregistrée par un éditeur ressemble à tout autre JPEG retouché.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Error level analysis&lt;/b&gt; (re-saved at JPEG quality 90, differences ×20): regions saved fewer times than the rest (pasted in) may stand out; edges and texture always do. A pointer for the eye, never a finding.</source>
        <translation>&lt;b&gt;Analyse du niveau d&apos;erreur&lt;/b&gt; (réenregistrée en JPEG qualité 90, différences ×20) : les régions enregistrées moins de fois que le reste (collées) peuvent ressortir ; les contours et les textures ressortent toujours. Une indication pour l&apos;œil, jamais une conclusion.</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts&lt;/b&gt; (the image re-saved at each quality; dark: changed least): a region darker than the rest in one quality&apos;s map was probably saved at that quality before the rest. Needs the region on the rest&apos;s 8 × 8 grid. A pointer for the eye, never a finding.</source>
        <translation>&lt;b&gt;Fantômes JPEG&lt;/b&gt; (l&apos;image réenregistrée à chaque qualité ; sombre : le moins changé) : une région plus sombre que le reste dans la carte d&apos;une qualité a probablement été enregistrée à cette qualité avant le reste. La région doit être sur la grille 8 × 8 du reste. Une indication pour l&apos;œil, jamais une conclusion.</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts&lt;/b&gt; on another 8 × 8 grid, %1 column(s) and %2 row(s) past the image&apos;s (the image re-saved at each quality; dark: changed least): a region pasted from another JPEG on that grid may be darker than the rest in the map of the quality it was saved at first, while the image&apos;s own blocks, cut anew, change least at the highest quality. A pointer for the eye, never a finding.</source>
        <translation>&lt;b&gt;Fantômes JPEG&lt;/b&gt; sur une autre grille 8 × 8, %1 colonne(s) et %2 ligne(s) au-delà de celle de l&apos;image (l&apos;image réenregistrée à chaque qualité ; sombre : le moins changé) : une région collée depuis un autre JPEG sur cette grille peut être plus sombre que le reste dans la carte de la qualité à laquelle elle a d&apos;abord été enregistrée, tandis que les blocs propres de l&apos;image, redécoupés, changent le moins à la qualité la plus haute. Une indication pour l&apos;œil, jamais une conclusion.</translation>
    </message>
    <message>
        <source>none stands out: never saved as JPEG, saved at a very high quality, or resized since</source>
        <translation>aucune ne ressort : jamais enregistrée en JPEG, enregistrée en très haute qualité ou redimensionnée depuis</translation>
    </message>
    <message>
        <source>from the image&apos;s corner, as a JPEG save of this picture leaves</source>
        <translation>depuis le coin de l&apos;image, comme le laisse un enregistrement JPEG de cette image</translation>
    </message>
    <message>
        <source>offset by (%1, %2) from the image&apos;s corner: the picture was cut at a position that is no multiple of 8 (cropped) or padded after a JPEG save, and that save&apos;s blocks outlast the later ones</source>
        <translation>décalée de (%1, %2) par rapport au coin de l&apos;image : l&apos;image a été recadrée à une position qui n&apos;est pas un multiple de 8, ou complétée, après un enregistrement JPEG, et les blocs de cet enregistrement subsistent sous les suivants</translation>
    </message>
    <message>
        <source>Make the JPEG ghosts on this grid</source>
        <translation>Créer les fantômes JPEG sur cette grille</translation>
    </message>
    <message>
        <source>8 × 8 block grid:</source>
        <translation>Grille de blocs 8 × 8 :</translation>
    </message>
    <message>
        <source>8 × 8 block grid</source>
        <translation>Grille de blocs 8 × 8</translation>
    </message>
    <message>
        <source>from the image&apos;s corner</source>
        <translation>depuis le coin de l&apos;image</translation>
    </message>
    <message>
        <source>offset by (%1, %2) from the image&apos;s corner</source>
        <translation>décalée de (%1, %2) par rapport au coin de l&apos;image</translation>
    </message>
    <message>
        <source>the pixels carry one, %1: this picture was saved as JPEG before, or made by a generator whose decoder enlarges an 8× smaller latent, which leaves traces on the same grid.</source>
        <translation>les pixels en portent une, %1 : cette image a déjà été enregistrée en JPEG, ou produite par un générateur dont le décodeur agrandit un espace latent 8× plus petit, ce qui laisse des traces sur la même grille.</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <source>CLIP-Flow detector</source>
        <translation>Détecteur CLIP-Flow</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Réseau de base</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Données d&apos;entraînement</translation>
    </message>
    <message>
        <source>%1 natural photos (%2 for the flow, %3 held out for calibration); no AI-generated image. Proxies: %4 spectrally modified views.</source>
        <translation>%1 photos naturelles (%2 pour le flot, %3 réservées à la calibration) ; aucune image générée par IA. Proxys : %4 vues modifiées spectralement.</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>Ensemble d&apos;entraînement</translation>
    </message>
    <message>
        <source>SHA-256 of the sorted file hashes %1</source>
        <translation>SHA-256 des empreintes triées des fichiers %1</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibration</translation>
    </message>
    <message>
        <source>%1 held-out natural photos; median log-likelihood %2; threshold %3</source>
        <translation>%1 photos naturelles réservées ; log-vraisemblance médiane %2 ; seuil %3</translation>
    </message>
    <message>
        <source>False-positive rate</source>
        <translation>Taux de faux positifs</translation>
    </message>
    <message>
        <source>Held-out proxy AUC</source>
        <translation>AUC proxy (réservées)</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Entraîné</translation>
    </message>
    <message>
        <source>%1 on %2, %3 epochs, ClipFlow %4</source>
        <translation>%1 sur %2, %3 époques, ClipFlow %4</translation>
    </message>
    <message>
        <source>Supervised detector</source>
        <translation>Détecteur supervisé</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Tête</translation>
    </message>
    <message>
        <source>MLP (%1 hidden)</source>
        <translation>MLP (%1 neurones cachés)</translation>
    </message>
    <message>
        <source>fine-tuned last %1 CLIP blocks</source>
        <translation>%1 derniers blocs CLIP affinés</translation>
    </message>
    <message>
        <source>linear probe</source>
        <translation>sonde linéaire</translation>
    </message>
    <message>
        <source>, few-shot</source>
        <translation>, quelques exemples</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>accuracy %1, ROC-AUC real vs AI %2 on %3 held-out images; temperature %4</source>
        <translation>exactitude %1, ROC-AUC réel/IA %2 sur %3 images réservées ; température %4</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>Knows only the generators listed; others are “unknown” at best. A generator missing from training can pass as real.</source>
        <translation>Ne connaît que les générateurs listés ; les autres sont au mieux « inconnus ». Un générateur absent de l&apos;entraînement peut passer pour réel.</translation>
    </message>
    <message>
        <source>%1, ClipFlow %2</source>
        <translation>%1, ClipFlow %2</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 held-out photos (flagged: p at most %4); expect more on resized or recompressed photos.</source>
        <translation>Au plus %1 % des photos naturelles sont signalées, avec une confiance de %2 % d’après %3 photos mises de côté (signalée : p au plus %4) ; attendez-vous à davantage sur les photos redimensionnées ou recompressées.</translation>
    </message>
    <message>
        <source>%1% of natural photos flagged on average; %2 held-out photos are too few to bound it; expect more on resized or recompressed photos.</source>
        <translation>%1 % des photos naturelles signalées en moyenne ; %2 photos mises de côté sont trop peu pour le borner ; attendez-vous à davantage sur les photos redimensionnées ou recompressées.</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, as they are and as messengers deliver them (shorter side %5 px, JPEG %6), with %2% confidence given %3 held-out photos (flagged: p at most %4); other resizing or recompression may flag more.</source>
        <translation>Au plus %1 % des photos naturelles sont signalées, telles quelles et telles que les messageries les transmettent (petit côté %5 px, JPEG %6), avec une confiance de %2 % d’après %3 photos mises de côté (signalée : p au plus %4) ; d’autres redimensionnements ou recompressions peuvent en signaler davantage.</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 held-out photos (flagged: p at most %4). Small JPEG copies (shorter side at most %5 px), as messengers deliver photos, are read against the same photos delivered so (shrunk to a shorter side of at most %6 px, JPEG %7): at most %1% of such copies are flagged, with the same confidence (flagged: p at most %8).</source>
        <translation>Au plus %1 % des photos naturelles sont signalées, avec une confiance de %2 % d’après %3 photos mises de côté (signalée : p au plus %4). Les petites copies JPEG (petit côté d’au plus %5 px), telles que les messageries transmettent les photos, sont lues par rapport aux mêmes photos ainsi transmises (réduites à un petit côté d’au plus %6 px, JPEG %7) : au plus %1 % de ces copies sont signalées, avec la même confiance (signalée : p au plus %8).</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 natural photos it never saw (flagged: p at most %4, i.e. p_ai above %5); photos unlike those may be flagged more often.</source>
        <translation>Au plus %1 % des photos naturelles sont signalées, avec une confiance de %2 % d’après %3 photos naturelles que le modèle n’a jamais vues (signalée : p au plus %4, soit p_ai au-dessus de %5) ; des photos différentes de celles-ci peuvent être signalées plus souvent.</translation>
    </message>
    <message>
        <source>Not bounded: flagged at p_ai of 0.5 or more, which on photos unlike its training photos can be most of them. Calibrate it on natural photos it never saw (clipflow recalibrate).</source>
        <translation>Non borné : signalée à partir de p_ai = 0,5, ce qui, sur des photos différentes de ses photos d’entraînement, peut en concerner la plupart. Calibrez-le sur des photos naturelles qu’il n’a jamais vues (clipflow recalibrate).</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Either: each view is read as it is and transposed, and the more natural reading counts, so a photo saved turned a quarter reads as the original (its calibration was read the same way).</source>
        <translation>Les deux : chaque vue est lue telle quelle et transposée, et la lecture la plus naturelle compte ; une photo enregistrée tournée d’un quart de tour se lit donc comme l’originale (sa calibration a été lue de la même façon).</translation>
    </message>
    <message>
        <source>As stored: a photo saved turned a quarter from the camera&apos;s orientation is flagged more often than the bound says (see the method documentation).</source>
        <translation>Telle qu’enregistrée : une photo enregistrée tournée d’un quart de tour par rapport à l’orientation de l’appareil est signalée plus souvent que la borne ne l’indique (voir la documentation de la méthode).</translation>
    </message>
    <message>
        <source>Second reading</source>
        <translation>Seconde lecture</translation>
    </message>
    <message>
        <source>%1; flow of %2. Each view counts as the less natural of the two flows&apos; readings, each measured against its own held-out photos.</source>
        <translation>%1 ; flux de %2. Chaque vue compte comme la moins naturelle des deux lectures des flux, chacune mesurée sur ses propres photos réservées.</translation>
    </message>
    <message>
        <source>%1 (the first reading alone)</source>
        <translation>%1 (la première lecture seule)</translation>
    </message>
</context>
<context>
    <name>ProvenanceHtml</name>
    <message>
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalide</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>non vérifiée</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>de confiance</translation>
    </message>
    <message>
        <source>not on your trust list</source>
        <translation>absent de votre liste de confiance</translation>
    </message>
    <message>
        <source>&lt;i&gt;The file&apos;s metadata could not be read.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Les métadonnées du fichier n’ont pas pu être lues.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Content Credentials (C2PA)</source>
        <translation>Content Credentials (C2PA)</translation>
    </message>
    <message>
        <source>Removed: the XMP points at a C2PA manifest the file no longer holds.</source>
        <translation>Supprimées : le XMP désigne un manifeste C2PA que le fichier ne contient plus.</translation>
    </message>
    <message>
        <source>None in this file. Most files have none; platforms and editors often strip them: not evidence either way.</source>
        <translation>Aucune dans ce fichier. La plupart des fichiers n’en ont pas ; plateformes et éditeurs les suppriment souvent : sans valeur probante dans un sens ou dans l’autre.</translation>
    </message>
    <message>
        <source>Present but unreadable:</source>
        <translation>Présentes mais illisibles :</translation>
    </message>
    <message>
        <source>(no certificate)</source>
        <translation>(aucun certificat)</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signé par</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <source>no time-stamp</source>
        <translation>pas d’horodatage</translation>
    </message>
    <message>
        <source> (time-stamp)</source>
        <translation> (horodatage)</translation>
    </message>
    <message>
        <source>Claim generator</source>
        <translation>Générateur de la déclaration</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Assertions</translation>
    </message>
    <message>
        <source>Binding to the file</source>
        <translation>Liaison au fichier</translation>
    </message>
    <message>
        <source>(you have added no trust anchors)</source>
        <translation>(vous n’avez ajouté aucune ancre de confiance)</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> par %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>, with credentials of its own</source>
        <translation>, avec ses propres Content Credentials</translation>
    </message>
    <message>
        <source>Ingredients</source>
        <translation>Ingrédients</translation>
    </message>
    <message>
        <source>Status codes</source>
        <translation>Codes d’état</translation>
    </message>
    <message>
        <source>A valid signature says who made these claims and that neither they nor the file changed since; it does not say the claims are true. No trust list ships with ClipFlow: add the certificates you trust in Preferences.</source>
        <translation>Une signature valide dit qui a fait ces déclarations et que ni elles ni le fichier n’ont changé depuis ; elle ne dit pas que les déclarations sont vraies. ClipFlow ne fournit aucune liste de confiance : ajoutez les certificats auxquels vous vous fiez dans les Préférences.</translation>
    </message>
    <message>
        <source>Generator metadata</source>
        <translation>Métadonnées du générateur</translation>
    </message>
    <message>
        <source>Front end</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>Échantillonneur</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>CFG</source>
        <translation>CFG</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Invite</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>Invite négative</translation>
    </message>
    <message>
        <source>Nothing else: no generator settings or generator-naming tags outside the Content Credentials.</source>
        <translation>Rien d’autre : aucun réglage de générateur ni balise nommant un générateur hors des Content Credentials.</translation>
    </message>
    <message>
        <source>No generator settings, IPTC source type or generator-naming tags.</source>
        <translation>Aucun réglage de générateur, type de source IPTC ni balise nommant un générateur.</translation>
    </message>
    <message>
        <source>C2PA removed</source>
        <translation>C2PA supprimé</translation>
    </message>
    <message>
        <source>%1 settings</source>
        <translation>réglages %1</translation>
    </message>
    <message>
        <source>AI declared (%1)</source>
        <translation>IA déclarée (%1)</translation>
    </message>
    <message>
        <source>camera declared</source>
        <translation>appareil photo déclaré</translation>
    </message>
</context>
<context>
    <name>ReportFigures</name>
    <message>
        <source>natural images as delivered (held out)</source>
        <translation>images naturelles telles que transmises (mises de côté)</translation>
    </message>
</context>
<context>
    <name>VerdictHtml</name>
    <message>
        <source>the model alone says: %1</source>
        <translation>le modèle seul dit : %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Verdict : %1</translation>
    </message>
    <message>
        <source>Robustness (ai_score after)</source>
        <translation>Robustesse (ai_score après)</translation>
    </message>
    <message>
        <source>the score is close to the model&apos;s threshold (%1 = %2, threshold %3)</source>
        <translation>le score est proche du seuil du modèle (%1 = %2, seuil %3)</translation>
    </message>
    <message>
        <source>the verdict changes under %1</source>
        <translation>le verdict change après %1</translation>
    </message>
    <message>
        <source>the model&apos;s false-positive bound has not been shown to hold for %1 files</source>
        <translation>la borne de faux positifs du modèle n’a pas été démontrée pour les fichiers %1</translation>
    </message>
    <message>
        <source>Not calibrated for %1 files: the model&apos;s false-positive bound has not been shown to hold for them, so this score alone never calls the image AI-made.</source>
        <translation>Non calibré pour les fichiers %1 : la borne de faux positifs du modèle n’a pas été démontrée pour eux ; ce score seul ne déclare donc jamais l’image générée par IA.</translation>
    </message>
    <message>
        <source>Read as a small JPEG copy: percentile, p and level are against the model&apos;s held-out photos as messengers deliver them, not as taken.</source>
        <translation>Lue comme une petite copie JPEG : centile, p et niveau se rapportent aux photos mises de côté du modèle telles que les messageries les transmettent, non telles que prises.</translation>
    </message>
    <message>
        <source>no detector scored the image</source>
        <translation>aucun détecteur n’a évalué l’image</translation>
    </message>
    <message>
        <source>the detectors disagree</source>
        <translation>les détecteurs divergent</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>supervisé</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>strong evidence of AI generation</source>
        <translation>indices forts de génération par IA</translation>
    </message>
    <message>
        <source>moderate evidence of AI generation</source>
        <translation>indices modérés de génération par IA</translation>
    </message>
    <message>
        <source>weak evidence of AI generation</source>
        <translation>indices faibles de génération par IA</translation>
    </message>
    <message>
        <source>consistent with natural images</source>
        <translation>compatible avec des images naturelles</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>fort</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modéré</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>faible</translation>
    </message>
    <message>
        <source>natural</source>
        <translation>naturel</translation>
    </message>
    <message>
        <source>luminance</source>
        <translation>luminance</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rouge</translation>
    </message>
    <message>
        <source>green</source>
        <translation>vert</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>bleu</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>résidu</translation>
    </message>
    <message>
        <source>periodicity</source>
        <translation>périodicité</translation>
    </message>
    <message>
        <source>p &lt; 10⁻⁶ (extrapolated)</source>
        <translation>p &lt; 10⁻⁶ (extrapolé)</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>non concluant</translation>
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
        <translation>taille 75 %</translation>
    </message>
    <message>
        <source>50% size</source>
        <translation>taille 50 %</translation>
    </message>
    <message>
        <source>no known generator</source>
        <translation>aucun générateur connu</translation>
    </message>
    <message>
        <source>resembles %1</source>
        <translation>ressemble à %1</translation>
    </message>
    <message>
        <source>WebP (lossy)</source>
        <translation>WebP (avec pertes)</translation>
    </message>
    <message>
        <source>WebP (lossless)</source>
        <translation>WebP (sans perte)</translation>
    </message>
    <message>
        <source>lossy WebP</source>
        <translation>WebP avec pertes</translation>
    </message>
    <message>
        <source>palette-colour</source>
        <translation>à palette de couleurs</translation>
    </message>
    <message>
        <source>No images in %1 (images are found by their names&apos; endings, such as .jpg, .png, .tif, .webp, .heic)</source>
        <translation>Aucune image dans %1 (les images sont reconnues à la fin de leur nom, par exemple .jpg, .png, .tif, .webp, .heic)</translation>
    </message>
    <message>
        <source>%1 could not be read whole; the images in it are not listed (%2)</source>
        <translation>%1 n’a pas pu être lu entièrement ; les images qu’il contient ne sont pas listées (%2)</translation>
    </message>
</context>
<context>
    <name>clipflow::app::CaseDialog</name>
    <message>
        <source>Case properties</source>
        <translation>Propriétés de l&apos;affaire</translation>
    </message>
    <message>
        <source>Case title</source>
        <translation>Titre de l&apos;affaire</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analyste</translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation>Notes sur l&apos;affaire</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>clipflow::app::EvidenceModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensions</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>CLIP-Flow p</source>
        <translation>p CLIP-Flow</translation>
    </message>
    <message>
        <source>p_ai</source>
        <translation>p_ai</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>analysing…</source>
        <translation>analyse…</translation>
    </message>
    <message>
        <source>cannot analyse</source>
        <translation>analyse impossible</translation>
    </message>
    <message>
        <source>not analysed (cancelled)</source>
        <translation>non analysé (annulé)</translation>
    </message>
    <message>
        <source>no detector</source>
        <translation>aucun détecteur</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>inconclusive: detectors disagree</source>
        <translation>non concluant : les détecteurs divergent</translation>
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
        <translation>Déposez une image ici, ou utilisez Fichier › Ouvrir.</translation>
    </message>
    <message>
        <source>Evidence details</source>
        <translation>Détails de la pièce</translation>
    </message>
    <message>
        <source>Detector results</source>
        <translation>Résultats des détecteurs</translation>
    </message>
    <message>
        <source>Image (stored pixel grid)</source>
        <translation>Image (grille de pixels stockée)</translation>
    </message>
    <message>
        <source>Case integrity warning</source>
        <translation>Alerte d&apos;intégrité de l&apos;affaire</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Your notes on this file: where it came from, what you checked. Saved in the case.</source>
        <translation>Vos notes sur ce fichier : sa provenance, ce que vous avez vérifié. Enregistrées dans l&apos;affaire.</translation>
    </message>
    <message>
        <source>Analyst notes</source>
        <translation>Notes de l&apos;analyste</translation>
    </message>
    <message>
        <source>Model cards</source>
        <translation>Fiches des modèles</translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation>Détecteurs</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Spectra</source>
        <translation>Spectres</translation>
    </message>
    <message>
        <source>Among natural images (CLIP-Flow calibration)</source>
        <translation>Parmi les images naturelles (calibration CLIP-Flow)</translation>
    </message>
    <message>
        <source>Filter (name, hash, format, verdict)…</source>
        <translation>Filtrer (nom, empreinte, format, verdict)…</translation>
    </message>
    <message>
        <source>Filter evidence</source>
        <translation>Filtrer les pièces</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Pièces</translation>
    </message>
    <message>
        <source>Ready — ClipFlow Forensics %1</source>
        <translation>Prêt — ClipFlow Forensics %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n evidence file(s) differ from the case record:
</source>
        <translation>
            <numerusform>⚠ %n fichier de pièce diffère du dossier de l&apos;affaire :
</numerusform>
            <numerusform>⚠ %n fichiers de pièces diffèrent du dossier de l&apos;affaire :
</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <source>Recent &amp;files</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Cancel queued analyses</source>
        <translation>&amp;Annuler les analyses en attente</translation>
    </message>
    <message>
        <source>Open &amp;case…</source>
        <translation>Ouvrir une &amp;affaire…</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Ouvrir une affaire</translation>
    </message>
    <message>
        <source>ClipFlow cases (*.cfcase)</source>
        <translation>Affaires ClipFlow (*.cfcase)</translation>
    </message>
    <message>
        <source>Recent c&amp;ases</source>
        <translation>Affaires ré&amp;centes</translation>
    </message>
    <message>
        <source>&amp;Save case</source>
        <translation>&amp;Enregistrer l&apos;affaire</translation>
    </message>
    <message>
        <source>Save case</source>
        <translation>Enregistrer l&apos;affaire</translation>
    </message>
    <message>
        <source>Save case &amp;as…</source>
        <translation>Enregistrer l&apos;affaire &amp;sous…</translation>
    </message>
    <message>
        <source>Case &amp;properties…</source>
        <translation>&amp;Propriétés de l&apos;affaire…</translation>
    </message>
    <message>
        <source>&amp;Export report (PDF)…</source>
        <translation>E&amp;xporter le rapport (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>O&amp;utils</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modèles…</translation>
    </message>
    <message>
        <source>&amp;Train a CLIP-Flow detector…</source>
        <translation>En&amp;traîner un détecteur CLIP-Flow…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About ClipFlow Forensics</source>
        <translation>À &amp;propos de ClipFlow Forensics</translation>
    </message>
    <message>
        <source>About ClipFlow Forensics</source>
        <translation>À propos de ClipFlow Forensics</translation>
    </message>
    <message>
        <source>&lt;b&gt;ClipFlow Forensics %1&lt;/b&gt;&lt;p&gt;Decide whether an image was made by an AI generator: CLIP-Flow (trained on natural photos only), a supervised detector, and spectra you can check yourself.&lt;/p&gt;&lt;p&gt;Absence of detection is not proof of authenticity.&lt;/p&gt;</source>
        <translation>&lt;b&gt;ClipFlow Forensics %1&lt;/b&gt;&lt;p&gt;Déterminer si une image a été produite par un générateur d&apos;IA : CLIP-Flow (entraîné uniquement sur des photos naturelles), un détecteur supervisé, et des spectres que vous pouvez vérifier vous-même.&lt;/p&gt;&lt;p&gt;L&apos;absence de détection ne prouve pas l&apos;authenticité.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>Ouvrir un dossier d&apos;images</translation>
    </message>
    <message>
        <source>ClipFlow Forensics — %1</source>
        <translation>ClipFlow Forensics — %1</translation>
    </message>
    <message>
        <source>Export case report</source>
        <translation>Exporter le rapport d&apos;affaire</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Nothing to report yet: open and analyse images first.</source>
        <translation>Rien à signaler pour l&apos;instant : ouvrez et analysez d&apos;abord des images.</translation>
    </message>
    <message>
        <source>Report not written: %1</source>
        <translation>Rapport non écrit : %1</translation>
    </message>
    <message numerus="yes">
        <source>Report written to %1 (%n file(s))</source>
        <translation>
            <numerusform>Rapport écrit dans %1 (%n fichier)</numerusform>
            <numerusform>Rapport écrit dans %1 (%n fichiers)</numerusform>
        </translation>
    </message>
    <message>
        <source>Detectors changed; files opened from now on use them.</source>
        <translation>Détecteurs changés ; les fichiers ouverts désormais les utilisent.</translation>
    </message>
    <message>
        <source>New detector</source>
        <translation>Nouveau détecteur</translation>
    </message>
    <message>
        <source>Use the new detector for CLIP-Flow from now on?</source>
        <translation>Utiliser désormais le nouveau détecteur pour CLIP-Flow ?</translation>
    </message>
    <message>
        <source>Queued analyses cancelled</source>
        <translation>Analyses en attente annulées</translation>
    </message>
    <message>
        <source>Analysing %1 of %2: %3…</source>
        <translation>Analyse %1 sur %2 : %3…</translation>
    </message>
    <message>
        <source>Analysed %1</source>
        <translation>Analysé : %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Case not saved: %1</source>
        <translation>Affaire non enregistrée : %1</translation>
    </message>
    <message>
        <source>Case saved to %1</source>
        <translation>Affaire enregistrée dans %1</translation>
    </message>
    <message>
        <source>Cannot open the case: %1</source>
        <translation>Impossible d&apos;ouvrir l&apos;affaire : %1</translation>
    </message>
    <message>
        <source>Open evidence image</source>
        <translation>Ouvrir une image à expertiser</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Cannot analyse: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Analyse impossible : %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;SHA-256 &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;%3×%4 %5, %6-bit %7, %8 bytes — %9 periodic peak(s)&lt;br&gt;&lt;i&gt;%10&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;SHA-256 &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;%3×%4 %5, %7 sur %6 bits, %8 octets — %9 pic(s) périodique(s)&lt;br&gt;&lt;i&gt;%10&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Stored value: %1</source>
        <translation>Valeur stockée : %1</translation>
    </message>
    <message>
        <source>Metadata (%1)</source>
        <translation>Métadonnées (%1)</translation>
    </message>
    <message>
        <source>Metadata (unreadable)</source>
        <translation>Métadonnées (illisibles)</translation>
    </message>
    <message>
        <source>EXIF, IPTC and XMP through Exiv2</source>
        <translation>EXIF, IPTC et XMP via Exiv2</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The detectors disagree.&lt;/b&gt; Look at the spectra.&lt;br&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;Les détecteurs ne concordent pas.&lt;/b&gt; Examinez les spectres.&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;%1&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;%1&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;small&gt;Absence of evidence is not proof of authenticity; resizing and recompression weaken every detector.&lt;/small&gt;</source>
        <translation>&lt;br&gt;&lt;small&gt;L&apos;absence de preuve n&apos;est pas une preuve d&apos;authenticité ; le redimensionnement et la recompression affaiblissent tous les détecteurs.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The file changed on disk during the analysis (%1); these results describe the bytes read at intake.&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;Le fichier a changé sur le disque pendant l&apos;analyse (%1) ; ces résultats décrivent les octets lus à l&apos;entrée.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Trust anchors</source>
        <translation>Ancres de confiance</translation>
    </message>
    <message>
        <source>The C2PA trust anchors could not be read, so no signer is trusted: %1</source>
        <translation>Les ancres de confiance C2PA n’ont pas pu être lues ; aucun signataire n’est donc de confiance : %1</translation>
    </message>
    <message>
        <source>Provenance ✓</source>
        <translation>Provenance ✓</translation>
    </message>
    <message>
        <source>Provenance ✗</source>
        <translation>Provenance ✗</translation>
    </message>
    <message>
        <source>Provenance •</source>
        <translation>Provenance •</translation>
    </message>
    <message>
        <source>%1 bytes of text%2</source>
        <translation>%1 octets de texte%2</translation>
    </message>
    <message>
        <source>, cut at the reader&apos;s limit</source>
        <translation>, coupé à la limite du lecteur</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The file says it was AI-generated:&lt;/b&gt; %1 (see Provenance; metadata can be forged or removed)&lt;br&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;Le fichier se dit généré par IA :&lt;/b&gt; %1 (voir Provenance ; les métadonnées peuvent être falsifiées ou supprimées)&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Content Credentials: %1 (see Provenance)&lt;br&gt;</source>
        <translation>&lt;br&gt;Content Credentials : %1 (voir Provenance)&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;The file&apos;s metadata claims a camera capture (IPTC %1); metadata can be forged.&lt;br&gt;</source>
        <translation>&lt;br&gt;Les métadonnées du fichier revendiquent une prise de vue par appareil photo (IPTC %1) ; les métadonnées peuvent être falsifiées.&lt;br&gt;</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <source>Show the heat map</source>
        <translation>Afficher la carte de chaleur</translation>
    </message>
    <message>
        <source>natural</source>
        <translation>naturel</translation>
    </message>
    <message>
        <source>less natural</source>
        <translation>moins naturel</translation>
    </message>
    <message>
        <source>Heat map ready</source>
        <translation>Carte de chaleur prête</translation>
    </message>
    <message>
        <source>No heat map: %1</source>
        <translation>Pas de carte de chaleur : %1</translation>
    </message>
    <message>
        <source>Computing the heat map…</source>
        <translation>Calcul de la carte de chaleur…</translation>
    </message>
    <message>
        <source>the file changed on disk since it was analysed</source>
        <translation>le fichier a changé sur le disque depuis son analyse</translation>
    </message>
    <message>
        <source>JPEG structure</source>
        <translation>Structure JPEG</translation>
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
        <translation>%v fichiers sur %m</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>Progression du lot</translation>
    </message>
    <message>
        <source>estimating time left…</source>
        <translation>estimation du temps restant…</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>environ %n s restante</numerusform>
            <numerusform>environ %n s restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>environ %n min restante</numerusform>
            <numerusform>environ %n min restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Error level analysis</source>
        <translation>Analyse du niveau d&apos;erreur</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.bmp *.gif);;All files (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.bmp *.gif);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Supervised&lt;/b&gt; (%1)&lt;br&gt;%2&lt;br&gt;%3 · %4&lt;br&gt;</source>
        <translation>&lt;b&gt;Supervisé&lt;/b&gt; (%1)&lt;br&gt;%2&lt;br&gt;%3 · %4&lt;br&gt;</translation>
    </message>
    <message>
        <source>Where the CLIP-Flow detector finds the image least natural, tile by tile (256-pixel tiles at native resolution, overlapping). A tile&apos;s score is noisier than the image&apos;s: look for regions that stand out over several tiles, not single bright squares. Press H to switch it on or off.</source>
        <translation>Là où le détecteur CLIP-Flow trouve l&apos;image la moins naturelle, tuile par tuile (tuiles de 256 pixels en résolution native, chevauchantes). Le score d&apos;une tuile est plus bruité que celui de l&apos;image : cherchez des régions qui ressortent sur plusieurs tuiles, pas des carrés clairs isolés. Appuyez sur H pour l&apos;afficher ou la masquer.</translation>
    </message>
    <message>
        <source>Error levels</source>
        <translation>Niveaux d&apos;erreur</translation>
    </message>
    <message>
        <source>Show the error level analysis in place of the image, at the same zoom and place (JPEG files only; press E to switch between the two). Regions saved fewer times than the rest may stand out; edges and texture always do.</source>
        <translation>Afficher l&apos;analyse du niveau d&apos;erreur à la place de l&apos;image, au même zoom et au même endroit (fichiers JPEG uniquement ; appuyez sur E pour passer de l&apos;une à l&apos;autre). Les régions enregistrées moins de fois que le reste peuvent ressortir ; les contours et les textures ressortent toujours.</translation>
    </message>
    <message>
        <source>Show the error levels</source>
        <translation>Afficher les niveaux d&apos;erreur</translation>
    </message>
    <message>
        <source>JPEG 90, differences ×20: a pointer, never a finding</source>
        <translation>JPEG 90, différences ×20 : une indication, jamais une conclusion</translation>
    </message>
    <message>
        <source>JPEG picture caption</source>
        <translation>Légende de l&apos;image JPEG</translation>
    </message>
    <message>
        <source>JPEG ghosts</source>
        <translation>Fantômes JPEG</translation>
    </message>
    <message>
        <source>The image re-saved at qualities 50 to 95, one map per quality. A region first saved at a lower quality than the rest (pasted in from another JPEG) is dark in that quality&apos;s map while the rest is light. Computed when asked (seconds for a large photo).</source>
        <translation>L&apos;image réenregistrée aux qualités 50 à 95, une carte par qualité. Une région enregistrée d&apos;abord à une qualité plus basse que le reste (collée depuis un autre JPEG) est sombre dans la carte de cette qualité alors que le reste est clair. Calculé à la demande (quelques secondes pour une grande photo).</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts:&lt;/b&gt; none could be made: %1</source>
        <translation>&lt;b&gt;Fantômes JPEG :&lt;/b&gt; aucun n&apos;a pu être calculé : %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts:&lt;/b&gt; computing…</source>
        <translation>&lt;b&gt;Fantômes JPEG :&lt;/b&gt; calcul en cours…</translation>
    </message>
    <message>
        <source>JPEG ghosts: quality</source>
        <translation>Fantômes JPEG : qualité</translation>
    </message>
    <message>
        <source>JPEG %1</source>
        <translation>JPEG %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Report figures</source>
        <translation>Figures du rapport</translation>
    </message>
    <message>
        <source>Making the heat maps and JPEG ghosts for the report: file %1 of %2…</source>
        <translation>Calcul des cartes de chaleur et des fantômes JPEG pour le rapport : fichier %1 sur %2…</translation>
    </message>
    <message>
        <source>Making the heat maps for the report: file %1 of %2…</source>
        <translation>Calcul des cartes de chaleur pour le rapport : fichier %1 sur %2…</translation>
    </message>
    <message>
        <source>Making the JPEG ghosts for the report: file %1 of %2…</source>
        <translation>Calcul des fantômes JPEG pour le rapport : fichier %1 sur %2…</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grille</translation>
    </message>
    <message>
        <source>Where the re-saves put their 8 × 8 block grid: columns and rows past the image&apos;s (0, 0: the image&apos;s own). A region pasted from another JPEG at a position that is no multiple of 8 keeps its own grid, and its ghost shows only on that grid: the rest then changes least at the highest quality everywhere, and the region stands out as a dip at its first quality.</source>
        <translation>Où les réenregistrements placent leur grille de blocs 8 × 8 : colonnes et lignes au-delà de celle de l&apos;image (0, 0 : celle de l&apos;image). Une région collée depuis un autre JPEG à une position qui n&apos;est pas un multiple de 8 garde sa propre grille, et son fantôme n&apos;apparaît que sur cette grille : le reste change alors le moins à la qualité la plus haute partout, et la région se détache comme un creux à sa première qualité.</translation>
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
        <translation>Fantômes JPEG : colonnes de la grille au-delà de celle de l&apos;image</translation>
    </message>
    <message>
        <source>JPEG ghosts: grid rows past the image&apos;s</source>
        <translation>Fantômes JPEG : lignes de la grille au-delà de celle de l&apos;image</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more folder(s))</source>
        <translation>
            <numerusform>(et %n autre dossier)</numerusform>
            <numerusform>(et %n autres dossiers)</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder not read whole</source>
        <translation>Dossier lu en partie</translation>
    </message>
    <message>
        <source>Some images of %1 are not in the case:</source>
        <translation>Certaines images de %1 ne sont pas dans l&apos;affaire :</translation>
    </message>
    <message>
        <source>Listing %1…</source>
        <translation>Inventaire de %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;CLIP-Flow&lt;/b&gt; (%1, backbone %2)&lt;br&gt;%3&lt;br&gt;%4 · %5 · ai_score %6&lt;br&gt;</source>
        <translation>&lt;b&gt;CLIP-Flow&lt;/b&gt; (%1, réseau de base %2)&lt;br&gt;%3&lt;br&gt;%4 · %5 · ai_score %6&lt;br&gt;</translation>
    </message>
    <message>
        <source>All tabs</source>
        <translation>Tous les onglets</translation>
    </message>
</context>
<context>
    <name>clipflow::app::ModelDownloader</name>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>le fichier dépasse %1 Mo</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>le serveur a répondu HTTP %1</translation>
    </message>
    <message>
        <source>the server sent an empty file</source>
        <translation>le serveur a envoyé un fichier vide</translation>
    </message>
    <message>
        <source>SHA-256 mismatch: expected %1, got %2</source>
        <translation>SHA-256 incorrect : %1 attendu, %2 obtenu</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>impossible d&apos;enregistrer %1 : %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
</context>
<context>
    <name>clipflow::app::ModelManager</name>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Modèles installés</translation>
    </message>
    <message>
        <source>Use for CLIP-Flow</source>
        <translation>Utiliser pour CLIP-Flow</translation>
    </message>
    <message>
        <source>Use for supervised</source>
        <translation>Utiliser pour le supervisé</translation>
    </message>
    <message>
        <source>Install from file…</source>
        <translation>Installer depuis un fichier…</translation>
    </message>
    <message>
        <source>Download a CLIP model</source>
        <translation>Télécharger un modèle CLIP</translation>
    </message>
    <message>
        <source>CLIP model</source>
        <translation>Modèle CLIP</translation>
    </message>
    <message>
        <source>Download URL</source>
        <translation>URL de téléchargement</translation>
    </message>
    <message>
        <source>Download CLIP model…</source>
        <translation>Télécharger le modèle CLIP…</translation>
    </message>
    <message>
        <source>Fetched only when you press the button, from this address; the SHA-256 in OpenAI&apos;s URLs is checked. About 350 MB (ViT-B/32) or 900 MB (ViT-L/14).</source>
        <translation>Téléchargé uniquement quand vous appuyez sur le bouton, depuis cette adresse ; le SHA-256 des URL d&apos;OpenAI est vérifié. Environ 350 Mo (ViT-B/32) ou 900 Mo (ViT-L/14).</translation>
    </message>
    <message>
        <source>Install a model</source>
        <translation>Installer un modèle</translation>
    </message>
    <message>
        <source>Models (*.safetensors *.pt *.bin);;All files (*)</source>
        <translation>Modèles (*.safetensors *.pt *.bin);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Downloading: %1 MB</source>
        <translation>Téléchargement : %1 Mo</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>Échec du téléchargement : %1</translation>
    </message>
    <message>
        <source>%1; calibrated on %2 natural photos, FPR %3%</source>
        <translation>%1 ; calibré sur %2 photos naturelles, TFP %3 %</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n class(es)</source>
        <translation>
            <numerusform>%1 ; %n classe</numerusform>
            <numerusform>%1 ; %n classes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 layers, %3 px</source>
        <translation>%1, %2 couches, %3 px</translation>
    </message>
    <message>
        <source>CLIP-Flow detector</source>
        <translation>Détecteur CLIP-Flow</translation>
    </message>
    <message>
        <source>Supervised detector</source>
        <translation>Détecteur supervisé</translation>
    </message>
    <message>
        <source>CLIP backbone</source>
        <translation>Réseau de base CLIP</translation>
    </message>
    <message>
        <source>Select a %1 model in the list first.</source>
        <translation>Sélectionnez d&apos;abord un modèle %1 dans la liste.</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>supervisé</translation>
    </message>
    <message>
        <source>Active: %1</source>
        <translation>Actif : %1</translation>
    </message>
    <message>
        <source>%1 is not a valid detector model</source>
        <translation>%1 n&apos;est pas un modèle de détection valide</translation>
    </message>
    <message>
        <source>a model named %1 is already installed</source>
        <translation>un modèle nommé %1 est déjà installé</translation>
    </message>
    <message>
        <source>cannot copy to %1</source>
        <translation>impossible de copier vers %1</translation>
    </message>
    <message>
        <source>Installed %1</source>
        <translation>Installé : %1</translation>
    </message>
    <message>
        <source>Installed CLIP %1 (%2)</source>
        <translation>CLIP installé : %1 (%2)</translation>
    </message>
    <message>
        <source>neither a detector nor a CLIP checkpoint: %1</source>
        <translation>ni un détecteur ni un point de contrôle CLIP : %1</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>Non installé : %1</translation>
    </message>
    <message>
        <source>Cannot download from %1</source>
        <translation>Impossible de télécharger depuis %1</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Téléchargement de %1…</translation>
    </message>
    <message>
        <source>%1; calibrated on %2 natural photos, at most %3% false positives (%4% confidence)</source>
        <translation>%1 ; calibré sur %2 photos naturelles, au plus %3 % de faux positifs (confiance %4 %)</translation>
    </message>
    <message>
        <source>%1, read twice (second reading: %2)</source>
        <translation>%1, lu deux fois (seconde lecture : %2)</translation>
    </message>
    <message>
        <source>%1 with the chroma halved</source>
        <translation>%1 avec la chrominance réduite de moitié</translation>
    </message>
</context>
<context>
    <name>clipflow::app::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Report page size</source>
        <translation>Format de page des rapports</translation>
    </message>
    <message>
        <source>A new language applies when the program next starts.</source>
        <translation>Une nouvelle langue s&apos;applique au prochain démarrage du programme.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Aucune limite</translation>
    </message>
    <message>
        <source>Time limit per file</source>
        <translation>Durée maximale par fichier</translation>
    </message>
    <message>
        <source>Each image is first read in a separate process; one that takes longer, or crashes it, is reported and skipped, and the queue goes on.</source>
        <translation>Chaque image est d’abord lue dans un processus séparé ; une image qui prend plus de temps, ou qui le fait planter, est signalée et ignorée, et la file d’attente continue.</translation>
    </message>
    <message>
        <source>Re-score each image after JPEG and resizing</source>
        <translation>Réévaluer chaque image après JPEG et redimensionnement</translation>
    </message>
    <message>
        <source>JPEG quality 90 and 75, 75% and 50% size, in memory. A verdict that changes under them is reported as inconclusive. Scoring takes five times as long.</source>
        <translation>JPEG qualité 90 et 75, taille 75 % et 50 %, en mémoire. Un verdict qui change sous ces transformations est déclaré non concluant. L’évaluation prend cinq fois plus de temps.</translation>
    </message>
    <message>
        <source>Robustness checks</source>
        <translation>Contrôles de robustesse</translation>
    </message>
    <message>
        <source>none: no signer is trusted</source>
        <translation>aucune : aucun signataire n’est de confiance</translation>
    </message>
    <message>
        <source>C2PA trust anchors</source>
        <translation>Ancres de confiance C2PA</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>No trust list ships with ClipFlow: valid Content Credentials are shown as signed by their signer, “issuer not on your trust list”. Add the root or intermediate certificates (PEM) of signers you have reason to trust.</source>
        <translation>ClipFlow ne fournit aucune liste de confiance : des Content Credentials valides sont présentées comme signées par leur signataire, « émetteur absent de votre liste de confiance ». Ajoutez les certificats racine ou intermédiaires (PEM) des signataires auxquels vous avez des raisons de vous fier.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) will be trusted from the next file analysed.</source>
        <translation>
            <numerusform>%n certificat sera de confiance à partir du prochain fichier analysé.</numerusform>
            <numerusform>%n certificats seront de confiance à partir du prochain fichier analysé.</numerusform>
        </translation>
    </message>
    <message>
        <source>A heat map of every file</source>
        <translation>Une carte de chaleur de chaque fichier</translation>
    </message>
    <message>
        <source>Files whose heat map you did not open get one when the report is exported (seconds for a large photo; kept in the case).</source>
        <translation>Les fichiers dont vous n’avez pas ouvert la carte de chaleur en reçoivent une à l’export du rapport (quelques secondes pour une grande photo ; conservée dans l’affaire).</translation>
    </message>
    <message>
        <source>JPEG ghosts of every JPEG</source>
        <translation>Les fantômes JPEG de chaque JPEG</translation>
    </message>
    <message>
        <source>JPEG files whose ghosts you did not open get them when the report is exported (about a second for a 12 MP photo).</source>
        <translation>Les fichiers JPEG dont vous n’avez pas ouvert les fantômes les reçoivent à l’export du rapport (environ une seconde pour une photo de 12 MP).</translation>
    </message>
    <message>
        <source>In the report</source>
        <translation>Dans le rapport</translation>
    </message>
</context>
<context>
    <name>clipflow::app::TrainingDialog</name>
    <message>
        <source>Train a CLIP-Flow detector</source>
        <translation>Entraîner un détecteur CLIP-Flow</translation>
    </message>
    <message>
        <source>Natural-image folders</source>
        <translation>Dossiers d&apos;images naturelles</translation>
    </message>
    <message>
        <source>Photos straight from cameras, never AI images: the detector learns what natural looks like.</source>
        <translation>Des photos sorties d&apos;appareils photo, jamais d&apos;images IA : le détecteur apprend à quoi ressemble le naturel.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Réseau de base</translation>
    </message>
    <message>
        <source>Forensic features (no weights, fast)</source>
        <translation>Caractéristiques forensiques (sans poids, rapide)</translation>
    </message>
    <message>
        <source>CLIP %1 (%2)</source>
        <translation>CLIP %1 (%2)</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Combined: raise natural, lower proxies</source>
        <translation>Combiné : élever le naturel, abaisser les proxys</translation>
    </message>
    <message>
        <source>Proxies only: lower proxies</source>
        <translation>Proxys seuls : abaisser les proxys</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>Nom du modèle</translation>
    </message>
    <message>
        <source>Runs on: %1</source>
        <translation>Exécution sur : %1</translation>
    </message>
    <message>
        <source>Choose folders of natural photos, then Start.</source>
        <translation>Choisissez des dossiers de photos naturelles, puis Démarrer.</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>Progression de l&apos;entraînement</translation>
    </message>
    <message>
        <source>natural NLL</source>
        <translation>NLL naturelle</translation>
    </message>
    <message>
        <source>proxy NLL</source>
        <translation>NLL proxy</translation>
    </message>
    <message>
        <source>Natural photos</source>
        <translation>Photos naturelles</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>Annuler l&apos;entraînement</translation>
    </message>
    <message>
        <source>Folder of natural photos</source>
        <translation>Dossier de photos naturelles</translation>
    </message>
    <message>
        <source>%1: %2 of %3 — about %4 s left</source>
        <translation>%1 : %2 sur %3 — environ %4 s restantes</translation>
    </message>
    <message>
        <source>Done: calibrated detector saved to %1. It is now in the model list.</source>
        <translation>Terminé : détecteur calibré enregistré dans %1. Il figure désormais dans la liste des modèles.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>The folders hold no images.</source>
        <translation>Les dossiers ne contiennent aucune image.</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Impossible de créer %1</translation>
    </message>
    <message>
        <source>Starting on %1 photos…</source>
        <translation>Démarrage sur %1 photos…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Learned forensic network (forensic-v2, shipped)</source>
        <translation>Réseau forensique appris (forensic-v2, fourni)</translation>
    </message>
    <message>
        <source>What to train</source>
        <translation>Quoi entraîner</translation>
    </message>
    <message>
        <source>A CLIP-Flow detector</source>
        <translation>Un détecteur CLIP-Flow</translation>
    </message>
    <message>
        <source>The learned backbone (forensic-v2)</source>
        <translation>Le réseau appris (forensic-v2)</translation>
    </message>
    <message>
        <source>The backbone learns, from natural photos only, to tell them from decoder-like proxies; its weights can then carry a new detector.</source>
        <translation>Le réseau apprend, à partir de photos naturelles seulement, à les distinguer de proxys imitant un décodeur ; ses poids peuvent ensuite porter un nouveau détecteur.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entraîner</translation>
    </message>
    <message>
        <source>Done: backbone weights saved to %1. Train a detector on them: they are now a Backbone choice.</source>
        <translation>Terminé : poids du réseau enregistrés dans %1. Entraînez un détecteur dessus : ils sont maintenant proposés comme réseau de base.</translation>
    </message>
    <message>
        <source>Learned forensic network (%1)</source>
        <translation>Réseau forensique appris (%1)</translation>
    </message>
    <message>
        <source>Stopped: %1
Start again to resume from the last checkpoint.</source>
        <translation>Arrêté : %1
Relancez pour reprendre au dernier point de reprise.</translation>
    </message>
    <message>
        <source>Train the learned backbone</source>
        <translation>Entraîner le réseau appris</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>perte d&apos;entraînement</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Partir de</translation>
    </message>
    <message>
        <source>Train further from existing weights (a new schedule over the steps you choose), or from random weights.</source>
        <translation>Poursuivre l’entraînement à partir de poids existants (un nouveau calendrier sur le nombre de pas choisi) ou de poids aléatoires.</translation>
    </message>
    <message>
        <source>Random weights</source>
        <translation>Poids aléatoires</translation>
    </message>
    <message>
        <source>The shipped forensic-v2 weights</source>
        <translation>Les poids forensic-v2 fournis</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Pas</translation>
    </message>
    <message>
        <source>Photos as taken</source>
        <translation>Photos telles que prises</translation>
    </message>
    <message>
        <source>At most 5% of held-out photos as they are flagged: the most sensitive reading.</source>
        <translation>Au plus 5 % des photos réservées, telles quelles, sont signalées : la lecture la plus sensible.</translation>
    </message>
    <message>
        <source>One threshold, also for photos delivered small (512 px, JPEG 85)</source>
        <translation>Un seul seuil, aussi pour les photos transmises en petit (512 px, JPEG 85)</translation>
    </message>
    <message>
        <source>Per kind: small JPEG copies against photos delivered small</source>
        <translation>Par type : petites copies JPEG face aux photos transmises en petit</translation>
    </message>
    <message>
        <source>Small JPEG files (shorter side at most %1 px) are read against the held-out photos delivered so, every other image against them as taken: each kind keeps its own 5% bound (as the shipped detector does).</source>
        <translation>Les petits fichiers JPEG (côté le plus court d’au plus %1 px) sont lus face aux photos réservées transmises ainsi, toute autre image face à ces photos telles que prises : chaque type garde sa propre borne de 5 % (comme le détecteur fourni).</translation>
    </message>
    <message>
        <source>False-positive bound</source>
        <translation>Borne des faux positifs</translation>
    </message>
    <message>
        <source>The threshold then holds at most 5% false positives for held-out photos shrunk to 512 px and recompressed too: fewer false alarms on such copies, but fewer AI images flagged everywhere (see the method documentation).</source>
        <translation>Le seuil garantit alors au plus 5 % de faux positifs aussi pour les photos mises de côté réduites à 512 px et recompressées : moins de fausses alertes sur ces copies, mais moins d’images IA signalées partout (voir la documentation de la méthode).</translation>
    </message>
    <message>
        <source>Decoder proxies&apos; strength</source>
        <translation>Force des proxys de décodeur</translation>
    </message>
    <message>
        <source>The two decoder proxies (VAE-like decoder, up-sampling cascade) are moved back toward the photo by a strength drawn between this value and 1: a trained decoder keeps its error small, so its traces are weaker than a whole proxy&apos;s. 1 leaves them whole (the shipped recipe); the method documentation says what lower values did.</source>
        <translation>Les deux proxys de décodeur (décodeur de type VAE, cascade de suréchantillonnage) sont ramenés vers la photo avec une force tirée entre cette valeur et 1 : un décodeur entraîné garde son erreur faible, ses traces sont donc plus faibles que celles d’un proxy entier. 1 les laisse entiers (la recette livrée) ; la documentation de la méthode dit ce qu’ont donné des valeurs plus basses.</translation>
    </message>
    <message>
        <source>Read photos in either orientation</source>
        <translation>Lire les photos dans les deux orientations</translation>
    </message>
    <message>
        <source>Each view is read as it is and transposed, and the more natural reading counts (the held-out photos too), so a photo saved turned a quarter keeps the false-positive bound, as with the shipped detector. Unchecked: the stored pixel grid, which is faster.</source>
        <translation>Chaque vue est lue telle quelle et transposée, et la lecture la plus naturelle compte (pour les photos réservées aussi) : une photo enregistrée tournée d’un quart de tour garde la borne de faux positifs, comme avec le détecteur fourni. Décoché : la grille de pixels stockée, plus rapide.</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>The shipped forensic-v2 weights, chroma halved</source>
        <translation>Les poids forensic-v2 fournis, chrominance réduite de moitié</translation>
    </message>
    <message>
        <source>Read with the chroma halved</source>
        <translation>Lire avec la chrominance réduite de moitié</translation>
    </message>
    <message>
        <source>The network reads every image with its colour averaged over 2 × 2 pixels, as a JPEG saved with 4:2:0 chroma does, so it learns from luminance what colour would tell it too easily: the network of the shipped detector&apos;s second reading. Weights to start from must have been trained so too.</source>
        <translation>Le réseau lit chaque image avec sa couleur moyennée sur 2 × 2 pixels, comme le fait un JPEG enregistré en chrominance 4:2:0, et apprend ainsi de la luminance ce que la couleur lui dirait trop facilement : le réseau de la seconde lecture du détecteur fourni. Les poids de départ doivent avoir été entraînés de même.</translation>
    </message>
    <message>
        <source>Chroma</source>
        <translation>Chrominance</translation>
    </message>
    <message>
        <source>Also read with the chroma halved, as the shipped detector</source>
        <translation>Lire aussi avec la chrominance réduite de moitié, comme le détecteur fourni</translation>
    </message>
    <message>
        <source>A second flow is trained over the shipped network that reads the chroma halved, on the decoder proxies, and joined to the first: each view then reads as the less natural of the two (the shipped detector&apos;s recipe; better on AI images saved as JPEG). About twice the time to train and to score. The held-out photos are read as delivered too, so the bound is never for photos as taken only. Needs the forensic-v2 backbone.</source>
        <translation>Un second flux est entraîné sur le réseau fourni qui lit la chrominance réduite de moitié, avec les proxys de décodeur, puis joint au premier : chaque vue compte alors la moins naturelle des deux lectures (la recette du détecteur fourni ; meilleure sur les images d’IA enregistrées en JPEG). Entraînement et analyse prennent environ deux fois plus de temps. Les photos mises de côté sont aussi lues telles que livrées : la borne ne vaut donc jamais pour les seules photos telles que prises. Nécessite le backbone forensic-v2.</translation>
    </message>
    <message>
        <source>Second reading</source>
        <translation>Seconde lecture</translation>
    </message>
    <message>
        <source>First reading, </source>
        <translation>Première lecture, </translation>
    </message>
    <message>
        <source>Second reading, </source>
        <translation>Seconde lecture, </translation>
    </message>
    <message>
        <source>Both readings joined, </source>
        <translation>Deux lectures jointes, </translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Non démarré : %1</translation>
    </message>
    <message>
        <source>Cancelled before training began.</source>
        <translation>Annulé avant le début de l’entraînement.</translation>
    </message>
    <message>
        <source>Listing the folders…</source>
        <translation>Liste des dossiers en cours…</translation>
    </message>
</context>
<context>
    <name>clipflow::app::TrainingJob</name>
    <message>
        <source>a second reading needs the forensic-v2 backbone</source>
        <translation>une seconde lecture nécessite le backbone forensic-v2</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::ImageView</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Wheel to zoom, drag to pan, F to fit, 1 for actual size</source>
        <translation>Molette pour zoomer, glisser pour déplacer, F pour ajuster, 1 pour la taille réelle</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::LikelihoodHistogram</name>
    <message>
        <source>Log-likelihood (nats/dim); lower = less like natural photos</source>
        <translation>Log-vraisemblance (nats/dim) ; plus bas = moins semblable aux photos naturelles</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>Densité</translation>
    </message>
    <message>
        <source>Likelihood histogram of natural images</source>
        <translation>Histogramme de vraisemblance des images naturelles</translation>
    </message>
    <message>
        <source>natural images (held out)</source>
        <translation>images naturelles (réservées)</translation>
    </message>
    <message>
        <source>proxy images</source>
        <translation>images proxy</translation>
    </message>
    <message>
        <source>threshold (%1% false positives)</source>
        <translation>seuil (%1 % de faux positifs)</translation>
    </message>
    <message>
        <source>Likelihood histogram</source>
        <translation>Histogramme de vraisemblance</translation>
    </message>
    <message>
        <source>threshold (at most %1% false positives, %2% confidence)</source>
        <translation>seuil (au plus %1 % de faux positifs, confiance %2 %)</translation>
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
        <translation>Log-vraisemblance (nats/dim)
plus bas = moins semblable aux photos naturelles</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>percentile %1%</source>
        <translation>centile %1 %</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::ProxyPreview</name>
    <message>
        <source>Natural image</source>
        <translation>Image naturelle</translation>
    </message>
    <message>
        <source>Proxy image</source>
        <translation>Image proxy</translation>
    </message>
    <message>
        <source>Natural image (left) and its proxy: %1 (right)</source>
        <translation>Image naturelle (à gauche) et son proxy : %1 (à droite)</translation>
    </message>
    <message>
        <source>natural spectrum</source>
        <translation>spectre naturel</translation>
    </message>
    <message>
        <source>proxy spectrum</source>
        <translation>spectre proxy</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::RadialProfilePlot</name>
    <message>
        <source>Frequency (cycles/pixel)</source>
        <translation>Fréquence (cycles/pixel)</translation>
    </message>
    <message>
        <source>Power (dB)</source>
        <translation>Puissance (dB)</translation>
    </message>
    <message>
        <source>Radial power profile</source>
        <translation>Profil radial de puissance</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::SpectrumImage</name>
    <message>
        <source>Spectrum</source>
        <translation>Spectre</translation>
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
        <translation>Spectres</translation>
    </message>
    <message>
        <source>Show the %1 spectrum</source>
        <translation>Afficher le spectre %1</translation>
    </message>
    <message>
        <source>%1 spectrum (log power)</source>
        <translation>spectre %1 (puissance logarithmique)</translation>
    </message>
    <message>
        <source>natural images</source>
        <translation>images naturelles</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::TrainingMonitor</name>
    <message>
        <source>Training status</source>
        <translation>État de l&apos;entraînement</translation>
    </message>
    <message>
        <source>Training loss curves</source>
        <translation>Courbes de perte de l&apos;entraînement</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Époque</translation>
    </message>
    <message>
        <source>natural NLL</source>
        <translation>NLL naturelle</translation>
    </message>
    <message>
        <source>proxy NLL</source>
        <translation>NLL proxy</translation>
    </message>
    <message>
        <source>Epoch %1 of %2 · %3 samples/s · %4 left · %5</source>
        <translation>Époque %1 sur %2 · %3 échantillons/s · %4 restant · %5</translation>
    </message>
</context>
</TS>
