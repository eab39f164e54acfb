<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CaseReport</name>
    <message>
        <source>none (no EXIF, IPTC or XMP; common after re-saving, and not evidence either way)</source>
        <translation>无（没有 EXIF、IPTC 或 XMP；重新保存后很常见，不能作为任何一方的证据）</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>条目：%1</translation>
    </message>
    <message>
        <source>Image forensics case report</source>
        <translation>图像取证案件报告</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>（未署名）</translation>
    </message>
    <message>
        <source>Report created</source>
        <translation>报告生成时间</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>ClipFlow Forensics %1</source>
        <translation>ClipFlow Forensics %1</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>案件文件</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Evidence integrity: %n file(s) differ from the case record.</source>
        <translation>
            <numerusform>证据完整性：%n 个文件与案件记录不一致。</numerusform>
        </translation>
    </message>
    <message>
        <source>Evidence integrity: all %1 files match the SHA-256 recorded in the case.</source>
        <translation>证据完整性：全部 %1 个文件与案件中记录的 SHA-256 一致。</translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation>案件备注</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>监督式</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>未分析</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>Verdicts are statements of statistical evidence, not of fact. Absence of detection is not proof of authenticity; resizing and recompression weaken every detector. See “Method and limitations”.</source>
        <translation>结论是统计证据的表述，而非事实。未检出并不证明真实；缩放和重新压缩会削弱所有检测器。见“方法与局限”。</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Evidence %1: %2</source>
        <translation>证据 %1：%2</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>failed:</source>
        <translation>失败：</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>%1 bytes; %2 × %3 px %4, %5-bit %6</source>
        <translation>%1 字节；%2 × %3 像素 %4，%5 位 %6</translation>
    </message>
    <message>
        <source>Times (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>file modified %1; read and hashed %2</source>
        <translation>文件修改于 %1；读取并计算哈希于 %2</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>Pixel grid</source>
        <translation>像素网格</translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation>检测器</translation>
    </message>
    <message>
        <source>This image was in the model&apos;s training or calibration set.</source>
        <translation>该图像属于模型的训练集或校准集。</translation>
    </message>
    <message>
        <source>CLIP-Flow (%1)</source>
        <translation>CLIP-Flow（%1）</translation>
    </message>
    <message>
        <source>if AI</source>
        <translation>若为 AI</translation>
    </message>
    <message>
        <source>This image was in the model&apos;s training set.</source>
        <translation>该图像属于模型的训练集。</translation>
    </message>
    <message>
        <source>Supervised (%1)</source>
        <translation>监督式（%1）</translation>
    </message>
    <message>
        <source>The detectors disagree: weigh the spectra and the provenance.</source>
        <translation>检测器结论不一致：请结合频谱和来源判断。</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Stored pixels</source>
        <translation>存储的像素</translation>
    </message>
    <message>
        <source>Luminance power spectrum; circles mark periodic peaks (%1 found)</source>
        <translation>亮度功率谱；圆圈标出周期性峰值（找到 %1 个）</translation>
    </message>
    <message>
        <source>Radial profiles</source>
        <translation>径向分布</translation>
    </message>
    <message>
        <source>CLIP-Flow score among held-out natural photos</source>
        <translation>在保留的自然照片中的 CLIP-Flow 得分</translation>
    </message>
    <message>
        <source>Analyst notes</source>
        <translation>分析员备注</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>No detector model was loaded.</source>
        <translation>未加载任何检测模型。</translation>
    </message>
    <message>
        <source>Method and limitations</source>
        <translation>方法与局限</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;CLIP-Flow&lt;/b&gt; models the image features of natural photographs with a normalizing flow trained without any AI-generated image: it learns to give natural photos a high likelihood and &lt;i&gt;proxy&lt;/i&gt; images (the same photos with their Fourier spectra altered the way generators alter them) a low one. An image&apos;s log-likelihood is compared with those of held-out natural photos: the p-value is the share of natural photos scoring as low or lower, and the verdict follows from it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The supervised detector&lt;/b&gt; was trained on real photos and images from named generators; it gives the probability that the image is AI-generated and the most likely generator among those it knows.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Spectra&lt;/b&gt; show what the detectors react to: up-sampling in generators leaves periodic peaks and a raised or lowered high-frequency tail in the radial profile. The analyst can check them directly.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Limitations.&lt;/b&gt; Absence of detection is not proof of authenticity. Recompression, resizing, screenshots and filters weaken every detector and raise the false-positive rate on real photos. A generator unlike anything in training may go unnoticed. Scores are evidence to weigh with provenance, metadata and context, never a verdict on their own. The calibrated false-positive rate holds for photos like the calibration set; for others it is only indicative.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Integrity.&lt;/b&gt; Each file was hashed with SHA-256 when read; the analysis used exactly those bytes and the file was never modified.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;CLIP-Flow&lt;/b&gt; 用一个完全不使用 AI 生成图像训练的归一化流来建模自然照片的图像特征：它学会给自然照片高似然，给&lt;i&gt;代理&lt;/i&gt;图像（同一批照片，其傅里叶频谱按生成器的方式被改动）低似然。图像的对数似然与保留的自然照片相比较：p 值是得分同样低或更低的自然照片所占的比例，结论由此得出。&lt;/p&gt;&lt;p&gt;&lt;b&gt;监督式检测器&lt;/b&gt;使用真实照片和已知生成器的图像训练；它给出图像由 AI 生成的概率，以及它所知生成器中最可能的一个。&lt;/p&gt;&lt;p&gt;&lt;b&gt;频谱&lt;/b&gt;显示检测器所依据的特征：生成器中的上采样会在径向分布中留下周期性峰值以及抬高或降低的高频尾部。分析员可以直接核对。&lt;/p&gt;&lt;p&gt;&lt;b&gt;局限。&lt;/b&gt;未检出并不证明真实。重新压缩、缩放、截图和滤镜会削弱所有检测器，并提高真实照片的误报率。与训练数据完全不同的生成器可能无法被发现。得分是需要结合来源、元数据和背景权衡的证据，绝不能单独作为结论。校准的误报率适用于与校准集相似的照片；对其他照片仅供参考。&lt;/p&gt;&lt;p&gt;&lt;b&gt;完整性。&lt;/b&gt;每个文件在读取时都计算了 SHA-256；分析使用的正是这些字节，文件从未被修改。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Case report</source>
        <translation>案件报告</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>完整性</translation>
    </message>
    <message>
        <source>hashed again after the analysis: unchanged</source>
        <translation>分析后再次计算哈希：未改变</translation>
    </message>
    <message>
        <source>changed during the analysis (%1); the results describe the bytes read at intake</source>
        <translation>分析期间已更改（%1）；结果描述的是读取时的字节</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>see the provenance section</source>
        <translation>见来源一节</translation>
    </message>
    <message>
        <source>Heat map: natural</source>
        <translation>热力图：自然</translation>
    </message>
    <message>
        <source>less natural</source>
        <translation>较不自然</translation>
    </message>
    <message>
        <source>The CLIP-Flow detector&apos;s score of each 256-pixel tile of the stored pixels (%1 × %2 tiles, overlapping); a tile&apos;s score is noisier than the image&apos;s, so weigh regions, not single tiles.</source>
        <translation>CLIP-Flow 检测器对存储像素中每个 256 像素图块的评分（%1 × %2 个图块，相互重叠）；单个图块的评分比整幅图像的噪声更大，应看区域而非单个图块。</translation>
    </message>
    <message>
        <source>JPEG structure</source>
        <translation>JPEG 结构</translation>
    </message>
    <message>
        <source>&lt;p&gt;The supervised detector&apos;s level is read as CLIP-Flow&apos;s is: its log odds of a real photo are compared with those of %1 natural photos it never saw, and the verdict follows from that p-value, not from its probability alone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;监督式检测器的等级与 CLIP-Flow 的读法相同：将其“真实照片”对数几率与它从未见过的 %1 张自然照片的对数几率比较，结论由该 p 值得出，而不仅仅取决于其概率。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No JPEG ghosts: %1</source>
        <translation>无 JPEG 幽灵：%1</translation>
    </message>
    <message>
        <source>No heat map: %1</source>
        <translation>无热力图：%1</translation>
    </message>
    <message>
        <source>%1 among natural photos</source>
        <translation>在自然照片中：%1</translation>
    </message>
    <message>
        <source>Name and format</source>
        <translation>名称与格式</translation>
    </message>
</context>
<context>
    <name>JpegHtml</name>
    <message>
        <source>The JPEG structure could not be read:</source>
        <translation>无法读取 JPEG 结构：</translation>
    </message>
    <message>
        <source>Not a JPEG file (%1): no quantization tables to read.</source>
        <translation>不是 JPEG 文件（%1）：没有可读取的量化表。</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>luminance %1, chrominance %2: libjpeg&apos;s standard tables (most software, web services and generators&apos; savers)</source>
        <translation>亮度 %1，色度 %2：libjpeg 标准表（大多数软件、网络服务和生成器的保存程序）</translation>
    </message>
    <message>
        <source>luminance ≈ %1, chrominance ≈ %2: the file&apos;s own tables (cameras, phones, some editors)</source>
        <translation>亮度 ≈ %1，色度 ≈ %2：文件自有的量化表（相机、手机、部分编辑器）</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>%1 × %2, %3, %4</source>
        <translation>%1 × %2，%3，%4</translation>
    </message>
    <message>
        <source>progressive</source>
        <translation>渐进式</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>not tested (%1)</source>
        <translation>未检测（%1）</translation>
    </message>
    <message>
        <source>indicated</source>
        <translation>有迹象</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>the DCT histograms show the periodic gaps or peaks of a second save with other tables. The image was saved as JPEG at least twice: re-saved by an editor, a messenger or a web service. Ordinary for files that travelled; not expected of a camera original.</source>
        <translation>DCT 直方图显示出以其他量化表再次保存时产生的周期性空隙或峰值。该图像至少被保存为 JPEG 两次：经编辑器、通讯软件或网络服务重新保存。这对流转过的文件很常见；相机原图则不应如此。</translation>
    </message>
    <message>
        <source>not indicated (score %1): the DCT histograms fall off smoothly, as after one save (a second save at a higher quality than the first, or with the same tables, leaves no such trace)</source>
        <translation>无迹象（得分 %1）：DCT 直方图平滑下降，与只保存一次的情况相同（第二次以高于第一次的质量或相同量化表保存不会留下此痕迹）</translation>
    </message>
    <message>
        <source>Double compression</source>
        <translation>双重压缩</translation>
    </message>
    <message>
        <source>none (many programs drop it; its absence means nothing)</source>
        <translation>无（许多程序会删除它；没有缩略图并不说明任何问题）</translation>
    </message>
    <message>
        <source>present but unreadable</source>
        <translation>存在但无法读取</translation>
    </message>
    <message>
        <source>%1 × %2, shows the same picture (mean difference %3 grey levels)</source>
        <translation>%1 × %2，显示同一画面（平均差异 %3 个灰度级）</translation>
    </message>
    <message>
        <source>does not match</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>%1 × %2: %3. The camera wrote the thumbnail with the picture; a picture cropped, retouched or replaced afterwards by software that kept the old thumbnail no longer matches it.</source>
        <translation>%1 × %2：%3。缩略图由相机与照片一同写入；之后被保留旧缩略图的软件裁剪、修饰或替换的画面将不再与之一致。</translation>
    </message>
    <message>
        <source>EXIF thumbnail</source>
        <translation>EXIF 缩略图</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>These are properties of the file, not of the scene: they say how it was saved, not whether an AI made it. A generator&apos;s output saved by an editor looks like any other edited JPEG.</source>
        <translation>这些是文件的属性，而非场景的属性：它们说明文件如何被保存，而不说明是否由 AI 生成。经编辑器保存的生成器输出看起来与任何其他编辑过的 JPEG 无异。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Error level analysis&lt;/b&gt; (re-saved at JPEG quality 90, differences ×20): regions saved fewer times than the rest (pasted in) may stand out; edges and texture always do. A pointer for the eye, never a finding.</source>
        <translation>&lt;b&gt;误差水平分析&lt;/b&gt;（以 JPEG 质量 90 重新保存，差异放大 20 倍）：保存次数少于其余部分的区域（粘贴进来的）可能会突出；边缘和纹理总会突出。仅供目视参考，绝非结论。</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts&lt;/b&gt; (the image re-saved at each quality; dark: changed least): a region darker than the rest in one quality&apos;s map was probably saved at that quality before the rest. Needs the region on the rest&apos;s 8 × 8 grid. A pointer for the eye, never a finding.</source>
        <translation>&lt;b&gt;JPEG 幽灵&lt;/b&gt;（以每个质量重新保存图像；暗：变化最小）：在某一质量的图中比其余部分更暗的区域，可能在其余部分之前以该质量保存过。该区域须位于其余部分的 8 × 8 网格上。仅供目视参考，绝非结论。</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts&lt;/b&gt; on another 8 × 8 grid, %1 column(s) and %2 row(s) past the image&apos;s (the image re-saved at each quality; dark: changed least): a region pasted from another JPEG on that grid may be darker than the rest in the map of the quality it was saved at first, while the image&apos;s own blocks, cut anew, change least at the highest quality. A pointer for the eye, never a finding.</source>
        <translation>在另一个 8 × 8 网格上的&lt;b&gt;JPEG 幽灵&lt;/b&gt;，比图像自身网格偏移 %1 列、%2 行（以每个质量重新保存图像；暗：变化最小）：从另一个 JPEG 粘贴到该网格上的区域，在其最初保存质量的图中可能比其余部分更暗，而图像自身的块被重新切分，在最高质量时变化最小。仅供目视参考，绝非结论。</translation>
    </message>
    <message>
        <source>none stands out: never saved as JPEG, saved at a very high quality, or resized since</source>
        <translation>没有明显的网格：从未保存为 JPEG、以很高质量保存，或之后被缩放过</translation>
    </message>
    <message>
        <source>from the image&apos;s corner, as a JPEG save of this picture leaves</source>
        <translation>从图像左上角开始，正如将此图像保存为 JPEG 所留下的</translation>
    </message>
    <message>
        <source>offset by (%1, %2) from the image&apos;s corner: the picture was cut at a position that is no multiple of 8 (cropped) or padded after a JPEG save, and that save&apos;s blocks outlast the later ones</source>
        <translation>相对图像左上角偏移 (%1, %2)：图像在保存为 JPEG 后于非 8 的倍数位置被裁剪或填充，而那次保存的分块比之后的保存更明显</translation>
    </message>
    <message>
        <source>Make the JPEG ghosts on this grid</source>
        <translation>在此网格上生成 JPEG 幽灵图</translation>
    </message>
    <message>
        <source>8 × 8 block grid:</source>
        <translation>8 × 8 分块网格：</translation>
    </message>
    <message>
        <source>8 × 8 block grid</source>
        <translation>8 × 8 分块网格</translation>
    </message>
    <message>
        <source>from the image&apos;s corner</source>
        <translation>从图像左上角开始</translation>
    </message>
    <message>
        <source>offset by (%1, %2) from the image&apos;s corner</source>
        <translation>相对图像左上角偏移 (%1, %2)</translation>
    </message>
    <message>
        <source>the pixels carry one, %1: this picture was saved as JPEG before, or made by a generator whose decoder enlarges an 8× smaller latent, which leaves traces on the same grid.</source>
        <translation>像素中带有网格，%1：此图像之前保存过 JPEG，或由将缩小 8 倍的潜空间放大的解码器生成，其痕迹落在同一网格上。</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <source>CLIP-Flow detector</source>
        <translation>CLIP-Flow 检测器</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>骨干网络</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标函数</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>%1 natural photos (%2 for the flow, %3 held out for calibration); no AI-generated image. Proxies: %4 spectrally modified views.</source>
        <translation>%1 张自然照片（%2 张用于训练流，%3 张保留用于校准）；不含任何 AI 生成图像。代理：%4 个经频谱修改的视图。</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>SHA-256 of the sorted file hashes %1</source>
        <translation>排序后文件哈希的 SHA-256：%1</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>%1 held-out natural photos; median log-likelihood %2; threshold %3</source>
        <translation>%1 张保留的自然照片；对数似然中位数 %2；阈值 %3</translation>
    </message>
    <message>
        <source>False-positive rate</source>
        <translation>误报率</translation>
    </message>
    <message>
        <source>Held-out proxy AUC</source>
        <translation>保留集代理 AUC</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>训练信息</translation>
    </message>
    <message>
        <source>%1 on %2, %3 epochs, ClipFlow %4</source>
        <translation>%1，设备 %2，%3 轮，ClipFlow %4</translation>
    </message>
    <message>
        <source>Supervised detector</source>
        <translation>监督式检测器</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>分类头</translation>
    </message>
    <message>
        <source>MLP (%1 hidden)</source>
        <translation>MLP（%1 个隐藏单元）</translation>
    </message>
    <message>
        <source>fine-tuned last %1 CLIP blocks</source>
        <translation>微调最后 %1 个 CLIP 块</translation>
    </message>
    <message>
        <source>linear probe</source>
        <translation>线性探针</translation>
    </message>
    <message>
        <source>, few-shot</source>
        <translation>，少样本</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>accuracy %1, ROC-AUC real vs AI %2 on %3 held-out images; temperature %4</source>
        <translation>准确率 %1，真实与 AI 的 ROC-AUC %2（%3 张保留图像）；温度 %4</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>局限</translation>
    </message>
    <message>
        <source>Knows only the generators listed; others are “unknown” at best. A generator missing from training can pass as real.</source>
        <translation>只认识列出的生成器；其他生成器最多被标为“未知”。训练中缺失的生成器可能被当作真实。</translation>
    </message>
    <message>
        <source>%1, ClipFlow %2</source>
        <translation>%1，ClipFlow %2</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 held-out photos (flagged: p at most %4); expect more on resized or recompressed photos.</source>
        <translation>至多 %1% 的自然照片会被标记，置信度 %2%，依据 %3 张留出照片（标记条件：p 不超过 %4）；缩放或重新压缩的照片会更多。</translation>
    </message>
    <message>
        <source>%1% of natural photos flagged on average; %2 held-out photos are too few to bound it; expect more on resized or recompressed photos.</source>
        <translation>平均 %1% 的自然照片被标记；%2 张留出照片太少，无法给出上界；缩放或重新压缩的照片会更多。</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, as they are and as messengers deliver them (shorter side %5 px, JPEG %6), with %2% confidence given %3 held-out photos (flagged: p at most %4); other resizing or recompression may flag more.</source>
        <translation>至多 %1% 的自然照片会被标记（原样照片及经即时通讯应用传送的照片：短边 %5 像素，JPEG %6），置信度 %2%，依据 %3 张留出照片（标记条件：p 不超过 %4）；其他缩放或重新压缩可能标记更多。</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 held-out photos (flagged: p at most %4). Small JPEG copies (shorter side at most %5 px), as messengers deliver photos, are read against the same photos delivered so (shrunk to a shorter side of at most %6 px, JPEG %7): at most %1% of such copies are flagged, with the same confidence (flagged: p at most %8).</source>
        <translation>至多 %1% 的自然照片会被标记，置信度 %2%，依据 %3 张留出照片（标记条件：p 不超过 %4）。即时通讯应用传送的小型 JPEG 副本（短边不超过 %5 像素）与以同样方式传送的同一批照片比较（缩小至短边不超过 %6 像素，JPEG %7）：此类副本至多 %1% 会被标记，置信度相同（标记条件：p 不超过 %8）。</translation>
    </message>
    <message>
        <source>At most %1% of natural photos are flagged, with %2% confidence given %3 natural photos it never saw (flagged: p at most %4, i.e. p_ai above %5); photos unlike those may be flagged more often.</source>
        <translation>至多 %1% 的自然照片会被标记，置信度 %2%，依据是模型从未见过的 %3 张自然照片（标记条件：p 至多 %4，即 p_ai 高于 %5）；与这些照片不同的照片可能更常被标记。</translation>
    </message>
    <message>
        <source>Not bounded: flagged at p_ai of 0.5 or more, which on photos unlike its training photos can be most of them. Calibrate it on natural photos it never saw (clipflow recalibrate).</source>
        <translation>无界：p_ai 达到 0.5 即标记，对于与其训练照片不同的照片，这可能是大多数。请用它从未见过的自然照片进行校准（clipflow recalibrate）。</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Either: each view is read as it is and transposed, and the more natural reading counts, so a photo saved turned a quarter reads as the original (its calibration was read the same way).</source>
        <translation>两种方向：每个视图按原样和转置后各读一次，取更自然的读数，因此旋转四分之一圈保存的照片与原图读数相同（其校准也按同样方式读取）。</translation>
    </message>
    <message>
        <source>As stored: a photo saved turned a quarter from the camera&apos;s orientation is flagged more often than the bound says (see the method documentation).</source>
        <translation>按存储方向：相对相机方向旋转四分之一圈保存的照片被标记的频率高于界限所述（见方法文档）。</translation>
    </message>
    <message>
        <source>Second reading</source>
        <translation>第二种读法</translation>
    </message>
    <message>
        <source>%1; flow of %2. Each view counts as the less natural of the two flows&apos; readings, each measured against its own held-out photos.</source>
        <translation>%1；%2 的流。每个视图取两个流的读数中较不自然的一个，每个读数都以其自身留出的照片衡量。</translation>
    </message>
    <message>
        <source>%1 (the first reading alone)</source>
        <translation>%1（仅第一种读法）</translation>
    </message>
</context>
<context>
    <name>ProvenanceHtml</name>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>受信任</translation>
    </message>
    <message>
        <source>not on your trust list</source>
        <translation>不在您的信任列表中</translation>
    </message>
    <message>
        <source>&lt;i&gt;The file&apos;s metadata could not be read.&lt;/i&gt;</source>
        <translation>&lt;i&gt;无法读取文件的元数据。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Content Credentials (C2PA)</source>
        <translation>内容凭证（C2PA）</translation>
    </message>
    <message>
        <source>Removed: the XMP points at a C2PA manifest the file no longer holds.</source>
        <translation>已移除：XMP 指向的 C2PA 清单已不在文件中。</translation>
    </message>
    <message>
        <source>None in this file. Most files have none; platforms and editors often strip them: not evidence either way.</source>
        <translation>此文件中没有。大多数文件都没有；平台和编辑软件常会删除它们：不能作为任何一方的证据。</translation>
    </message>
    <message>
        <source>Present but unreadable:</source>
        <translation>存在但无法读取：</translation>
    </message>
    <message>
        <source>(no certificate)</source>
        <translation>（无证书）</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签名者</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签名时间</translation>
    </message>
    <message>
        <source>no time-stamp</source>
        <translation>无时间戳</translation>
    </message>
    <message>
        <source> (time-stamp)</source>
        <translation>（时间戳）</translation>
    </message>
    <message>
        <source>Claim generator</source>
        <translation>声明生成器</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>断言</translation>
    </message>
    <message>
        <source>Binding to the file</source>
        <translation>与文件的绑定</translation>
    </message>
    <message>
        <source>(you have added no trust anchors)</source>
        <translation>（您尚未添加信任锚）</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>签名者</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation>，由 %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>, with credentials of its own</source>
        <translation>，带有自己的内容凭证</translation>
    </message>
    <message>
        <source>Ingredients</source>
        <translation>素材</translation>
    </message>
    <message>
        <source>Status codes</source>
        <translation>状态码</translation>
    </message>
    <message>
        <source>A valid signature says who made these claims and that neither they nor the file changed since; it does not say the claims are true. No trust list ships with ClipFlow: add the certificates you trust in Preferences.</source>
        <translation>有效签名说明这些声明由谁作出，且声明和文件此后均未改变；它并不说明声明属实。ClipFlow 不附带信任列表：请在“首选项”中添加您信任的证书。</translation>
    </message>
    <message>
        <source>Generator metadata</source>
        <translation>生成器元数据</translation>
    </message>
    <message>
        <source>Front end</source>
        <translation>前端</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>CFG</source>
        <translation>CFG</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <source>Nothing else: no generator settings or generator-naming tags outside the Content Credentials.</source>
        <translation>此外没有：内容凭证之外没有生成器设置或指明生成器的标签。</translation>
    </message>
    <message>
        <source>No generator settings, IPTC source type or generator-naming tags.</source>
        <translation>没有生成器设置、IPTC 来源类型或指明生成器的标签。</translation>
    </message>
    <message>
        <source>C2PA removed</source>
        <translation>C2PA 已移除</translation>
    </message>
    <message>
        <source>%1 settings</source>
        <translation>%1 设置</translation>
    </message>
    <message>
        <source>AI declared (%1)</source>
        <translation>声明为 AI（%1）</translation>
    </message>
    <message>
        <source>camera declared</source>
        <translation>声明为相机拍摄</translation>
    </message>
</context>
<context>
    <name>ReportFigures</name>
    <message>
        <source>natural images as delivered (held out)</source>
        <translation>经传送的自然图像（留出）</translation>
    </message>
</context>
<context>
    <name>VerdictHtml</name>
    <message>
        <source>the model alone says: %1</source>
        <translation>仅模型判断：%1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>结论：%1</translation>
    </message>
    <message>
        <source>Robustness (ai_score after)</source>
        <translation>稳健性（处理后的 ai_score）</translation>
    </message>
    <message>
        <source>the score is close to the model&apos;s threshold (%1 = %2, threshold %3)</source>
        <translation>分数接近模型阈值（%1 = %2，阈值 %3）</translation>
    </message>
    <message>
        <source>the verdict changes under %1</source>
        <translation>在 %1 下结论发生变化</translation>
    </message>
    <message>
        <source>the model&apos;s false-positive bound has not been shown to hold for %1 files</source>
        <translation>尚未证明模型的误报界限适用于 %1 文件</translation>
    </message>
    <message>
        <source>Not calibrated for %1 files: the model&apos;s false-positive bound has not been shown to hold for them, so this score alone never calls the image AI-made.</source>
        <translation>未针对 %1 文件校准：尚未证明模型的误报界限适用于此类文件，因此仅凭此分数绝不会判定图像由 AI 生成。</translation>
    </message>
    <message>
        <source>Read as a small JPEG copy: percentile, p and level are against the model&apos;s held-out photos as messengers deliver them, not as taken.</source>
        <translation>按小型 JPEG 副本解读：百分位、p 值和等级均相对于模型留出照片经即时通讯应用传送后的版本，而非拍摄原样。</translation>
    </message>
    <message>
        <source>no detector scored the image</source>
        <translation>没有检测器为该图像评分</translation>
    </message>
    <message>
        <source>the detectors disagree</source>
        <translation>检测器意见不一</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>监督式</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>strong evidence of AI generation</source>
        <translation>AI 生成的强证据</translation>
    </message>
    <message>
        <source>moderate evidence of AI generation</source>
        <translation>AI 生成的中等证据</translation>
    </message>
    <message>
        <source>weak evidence of AI generation</source>
        <translation>AI 生成的弱证据</translation>
    </message>
    <message>
        <source>consistent with natural images</source>
        <translation>与自然图像一致</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>natural</source>
        <translation>自然</translation>
    </message>
    <message>
        <source>luminance</source>
        <translation>亮度</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>periodicity</source>
        <translation>周期性</translation>
    </message>
    <message>
        <source>p &lt; 10⁻⁶ (extrapolated)</source>
        <translation>p &lt; 10⁻⁶（外推）</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>无定论</translation>
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
        <translation>75% 尺寸</translation>
    </message>
    <message>
        <source>50% size</source>
        <translation>50% 尺寸</translation>
    </message>
    <message>
        <source>no known generator</source>
        <translation>无已知生成器</translation>
    </message>
    <message>
        <source>resembles %1</source>
        <translation>类似 %1</translation>
    </message>
    <message>
        <source>WebP (lossy)</source>
        <translation>WebP（有损）</translation>
    </message>
    <message>
        <source>WebP (lossless)</source>
        <translation>WebP（无损）</translation>
    </message>
    <message>
        <source>lossy WebP</source>
        <translation>有损 WebP</translation>
    </message>
    <message>
        <source>palette-colour</source>
        <translation>调色板</translation>
    </message>
    <message>
        <source>No images in %1 (images are found by their names&apos; endings, such as .jpg, .png, .tif, .webp, .heic)</source>
        <translation>%1 中没有图像（按文件名后缀识别图像，例如 .jpg、.png、.tif、.webp、.heic）</translation>
    </message>
    <message>
        <source>%1 could not be read whole; the images in it are not listed (%2)</source>
        <translation>无法完整读取 %1；其中的图像未列出（%2）</translation>
    </message>
</context>
<context>
    <name>clipflow::app::CaseDialog</name>
    <message>
        <source>Case properties</source>
        <translation>案件属性</translation>
    </message>
    <message>
        <source>Case title</source>
        <translation>案件标题</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation>案件备注</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>clipflow::app::EvidenceModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>CLIP-Flow p</source>
        <translation>CLIP-Flow p 值</translation>
    </message>
    <message>
        <source>p_ai</source>
        <translation>p_ai</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>analysing…</source>
        <translation>分析中…</translation>
    </message>
    <message>
        <source>cannot analyse</source>
        <translation>无法分析</translation>
    </message>
    <message>
        <source>not analysed (cancelled)</source>
        <translation>未分析（已取消）</translation>
    </message>
    <message>
        <source>no detector</source>
        <translation>无检测器</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>inconclusive: detectors disagree</source>
        <translation>无定论：检测器意见不一</translation>
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
        <translation>将图像拖放到此处，或使用 文件 › 打开。</translation>
    </message>
    <message>
        <source>Evidence details</source>
        <translation>证据详情</translation>
    </message>
    <message>
        <source>Detector results</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Image (stored pixel grid)</source>
        <translation>图像（存储的像素网格）</translation>
    </message>
    <message>
        <source>Case integrity warning</source>
        <translation>案件完整性警告</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>Your notes on this file: where it came from, what you checked. Saved in the case.</source>
        <translation>您对此文件的备注：来源、已核查的内容。保存在案件中。</translation>
    </message>
    <message>
        <source>Analyst notes</source>
        <translation>分析员备注</translation>
    </message>
    <message>
        <source>Model cards</source>
        <translation>模型卡</translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation>检测器</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Spectra</source>
        <translation>频谱</translation>
    </message>
    <message>
        <source>Among natural images (CLIP-Flow calibration)</source>
        <translation>在自然图像中的位置（CLIP-Flow 校准）</translation>
    </message>
    <message>
        <source>Filter (name, hash, format, verdict)…</source>
        <translation>筛选（名称、哈希、格式、结论）…</translation>
    </message>
    <message>
        <source>Filter evidence</source>
        <translation>筛选证据</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Ready — ClipFlow Forensics %1</source>
        <translation>就绪 — ClipFlow Forensics %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n evidence file(s) differ from the case record:
</source>
        <translation>
            <numerusform>⚠ %n 个证据文件与案件记录不一致：
</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;D)…</translation>
    </message>
    <message>
        <source>Recent &amp;files</source>
        <translation>最近的文件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel queued analyses</source>
        <translation>取消排队的分析(&amp;C)</translation>
    </message>
    <message>
        <source>Open &amp;case…</source>
        <translation>打开案件(&amp;A)…</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <source>ClipFlow cases (*.cfcase)</source>
        <translation>ClipFlow 案件 (*.cfcase)</translation>
    </message>
    <message>
        <source>Recent c&amp;ases</source>
        <translation>最近的案件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save case</source>
        <translation>保存案件(&amp;S)</translation>
    </message>
    <message>
        <source>Save case</source>
        <translation>保存案件</translation>
    </message>
    <message>
        <source>Save case &amp;as…</source>
        <translation>案件另存为(&amp;V)…</translation>
    </message>
    <message>
        <source>Case &amp;properties…</source>
        <translation>案件属性(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export report (PDF)…</source>
        <translation>导出报告 (PDF)(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Train a CLIP-Flow detector…</source>
        <translation>训练 CLIP-Flow 检测器(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ClipFlow Forensics</source>
        <translation>关于 ClipFlow Forensics(&amp;A)</translation>
    </message>
    <message>
        <source>About ClipFlow Forensics</source>
        <translation>关于 ClipFlow Forensics</translation>
    </message>
    <message>
        <source>&lt;b&gt;ClipFlow Forensics %1&lt;/b&gt;&lt;p&gt;Decide whether an image was made by an AI generator: CLIP-Flow (trained on natural photos only), a supervised detector, and spectra you can check yourself.&lt;/p&gt;&lt;p&gt;Absence of detection is not proof of authenticity.&lt;/p&gt;</source>
        <translation>&lt;b&gt;ClipFlow Forensics %1&lt;/b&gt;&lt;p&gt;判断图像是否由 AI 生成器生成：CLIP-Flow（仅用自然照片训练）、监督式检测器，以及您可以亲自核查的频谱。&lt;/p&gt;&lt;p&gt;未检出并不证明真实。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>打开图像文件夹</translation>
    </message>
    <message>
        <source>ClipFlow Forensics — %1</source>
        <translation>ClipFlow Forensics — %1</translation>
    </message>
    <message>
        <source>Export case report</source>
        <translation>导出案件报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Nothing to report yet: open and analyse images first.</source>
        <translation>暂无可报告的内容：请先打开并分析图像。</translation>
    </message>
    <message>
        <source>Report not written: %1</source>
        <translation>报告未写入：%1</translation>
    </message>
    <message numerus="yes">
        <source>Report written to %1 (%n file(s))</source>
        <translation>
            <numerusform>报告已写入 %1（%n 个文件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Detectors changed; files opened from now on use them.</source>
        <translation>检测器已更改；此后打开的文件将使用它们。</translation>
    </message>
    <message>
        <source>New detector</source>
        <translation>新检测器</translation>
    </message>
    <message>
        <source>Use the new detector for CLIP-Flow from now on?</source>
        <translation>此后将新检测器用于 CLIP-Flow 吗？</translation>
    </message>
    <message>
        <source>Queued analyses cancelled</source>
        <translation>已取消排队的分析</translation>
    </message>
    <message>
        <source>Analysing %1 of %2: %3…</source>
        <translation>正在分析第 %1 个，共 %2 个：%3…</translation>
    </message>
    <message>
        <source>Analysed %1</source>
        <translation>已分析 %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Case not saved: %1</source>
        <translation>案件未保存：%1</translation>
    </message>
    <message>
        <source>Case saved to %1</source>
        <translation>案件已保存到 %1</translation>
    </message>
    <message>
        <source>Cannot open the case: %1</source>
        <translation>无法打开案件：%1</translation>
    </message>
    <message>
        <source>Open evidence image</source>
        <translation>打开证据图像</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Cannot analyse: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;无法分析：%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;SHA-256 &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;%3×%4 %5, %6-bit %7, %8 bytes — %9 periodic peak(s)&lt;br&gt;&lt;i&gt;%10&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;SHA-256 &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;%3×%4 %5，%6 位 %7，%8 字节 — %9 个周期性峰值&lt;br&gt;&lt;i&gt;%10&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Stored value: %1</source>
        <translation>存储值：%1</translation>
    </message>
    <message>
        <source>Metadata (%1)</source>
        <translation>元数据（%1）</translation>
    </message>
    <message>
        <source>Metadata (unreadable)</source>
        <translation>元数据（无法读取）</translation>
    </message>
    <message>
        <source>EXIF, IPTC and XMP through Exiv2</source>
        <translation>通过 Exiv2 读取的 EXIF、IPTC 和 XMP</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The detectors disagree.&lt;/b&gt; Look at the spectra.&lt;br&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;检测器结论不一致。&lt;/b&gt;请查看频谱。&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;%1&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;%1&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;small&gt;Absence of evidence is not proof of authenticity; resizing and recompression weaken every detector.&lt;/small&gt;</source>
        <translation>&lt;br&gt;&lt;small&gt;缺乏证据并不证明真实；缩放和重新压缩会削弱所有检测器。&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The file changed on disk during the analysis (%1); these results describe the bytes read at intake.&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;分析期间磁盘上的文件已更改（%1）；这些结果描述的是读取时的字节。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Trust anchors</source>
        <translation>信任锚</translation>
    </message>
    <message>
        <source>The C2PA trust anchors could not be read, so no signer is trusted: %1</source>
        <translation>无法读取 C2PA 信任锚，因此不信任任何签名者：%1</translation>
    </message>
    <message>
        <source>Provenance ✓</source>
        <translation>来源 ✓</translation>
    </message>
    <message>
        <source>Provenance ✗</source>
        <translation>来源 ✗</translation>
    </message>
    <message>
        <source>Provenance •</source>
        <translation>来源 •</translation>
    </message>
    <message>
        <source>%1 bytes of text%2</source>
        <translation>%1 字节文本%2</translation>
    </message>
    <message>
        <source>, cut at the reader&apos;s limit</source>
        <translation>，已在读取上限处截断</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;The file says it was AI-generated:&lt;/b&gt; %1 (see Provenance; metadata can be forged or removed)&lt;br&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b03030&apos;&gt;文件声称由 AI 生成：&lt;/b&gt;%1（见“来源”；元数据可被伪造或删除）&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Content Credentials: %1 (see Provenance)&lt;br&gt;</source>
        <translation>&lt;br&gt;内容凭证：%1（见“来源”）&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;The file&apos;s metadata claims a camera capture (IPTC %1); metadata can be forged.&lt;br&gt;</source>
        <translation>&lt;br&gt;文件元数据声称为相机拍摄（IPTC %1）；元数据可被伪造。&lt;br&gt;</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Show the heat map</source>
        <translation>显示热力图</translation>
    </message>
    <message>
        <source>natural</source>
        <translation>自然</translation>
    </message>
    <message>
        <source>less natural</source>
        <translation>较不自然</translation>
    </message>
    <message>
        <source>Heat map ready</source>
        <translation>热力图已就绪</translation>
    </message>
    <message>
        <source>No heat map: %1</source>
        <translation>无热力图：%1</translation>
    </message>
    <message>
        <source>Computing the heat map…</source>
        <translation>正在计算热力图…</translation>
    </message>
    <message>
        <source>the file changed on disk since it was analysed</source>
        <translation>文件自分析以来已在磁盘上更改</translation>
    </message>
    <message>
        <source>JPEG structure</source>
        <translation>JPEG 结构</translation>
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
        <translation>%v / %m 个文件</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>批处理进度</translation>
    </message>
    <message>
        <source>estimating time left…</source>
        <translation>正在估算剩余时间…</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>大约还剩 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>大约还剩 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Error level analysis</source>
        <translation>误差水平分析</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.bmp *.gif);;All files (*)</source>
        <translation>图像 (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.bmp *.gif);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Supervised&lt;/b&gt; (%1)&lt;br&gt;%2&lt;br&gt;%3 · %4&lt;br&gt;</source>
        <translation>&lt;b&gt;监督式&lt;/b&gt;（%1）&lt;br&gt;%2&lt;br&gt;%3 · %4&lt;br&gt;</translation>
    </message>
    <message>
        <source>Where the CLIP-Flow detector finds the image least natural, tile by tile (256-pixel tiles at native resolution, overlapping). A tile&apos;s score is noisier than the image&apos;s: look for regions that stand out over several tiles, not single bright squares. Press H to switch it on or off.</source>
        <translation>CLIP-Flow 检测器认为图像最不自然的位置，逐图块显示（原始分辨率下相互重叠的 256 像素图块）。单个图块的评分比整幅图像的噪声更大：请关注在多个图块上都突出的区域，而不是单个亮块。按 H 键显示或隐藏。</translation>
    </message>
    <message>
        <source>Error levels</source>
        <translation>误差水平</translation>
    </message>
    <message>
        <source>Show the error level analysis in place of the image, at the same zoom and place (JPEG files only; press E to switch between the two). Regions saved fewer times than the rest may stand out; edges and texture always do.</source>
        <translation>在图像位置显示误差水平分析，缩放和位置保持不变（仅限 JPEG 文件；按 E 键在两者之间切换）。保存次数少于其余部分的区域可能会突出；边缘和纹理总会突出。</translation>
    </message>
    <message>
        <source>Show the error levels</source>
        <translation>显示误差水平</translation>
    </message>
    <message>
        <source>JPEG 90, differences ×20: a pointer, never a finding</source>
        <translation>JPEG 90，差异放大 20 倍：仅供参考，绝非结论</translation>
    </message>
    <message>
        <source>JPEG picture caption</source>
        <translation>JPEG 图像说明</translation>
    </message>
    <message>
        <source>JPEG ghosts</source>
        <translation>JPEG 幽灵</translation>
    </message>
    <message>
        <source>The image re-saved at qualities 50 to 95, one map per quality. A region first saved at a lower quality than the rest (pasted in from another JPEG) is dark in that quality&apos;s map while the rest is light. Computed when asked (seconds for a large photo).</source>
        <translation>以质量 50 到 95 重新保存图像，每个质量一张图。先以低于其余部分的质量保存的区域（从另一个 JPEG 粘贴进来的）在该质量的图中较暗，而其余部分较亮。按需计算（大照片需要几秒）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts:&lt;/b&gt; none could be made: %1</source>
        <translation>&lt;b&gt;JPEG 幽灵：&lt;/b&gt;无法生成：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;JPEG ghosts:&lt;/b&gt; computing…</source>
        <translation>&lt;b&gt;JPEG 幽灵：&lt;/b&gt;正在计算…</translation>
    </message>
    <message>
        <source>JPEG ghosts: quality</source>
        <translation>JPEG 幽灵：质量</translation>
    </message>
    <message>
        <source>JPEG %1</source>
        <translation>JPEG %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Report figures</source>
        <translation>报告图表</translation>
    </message>
    <message>
        <source>Making the heat maps and JPEG ghosts for the report: file %1 of %2…</source>
        <translation>正在为报告生成热力图和 JPEG 幽灵：第 %1 个文件，共 %2 个…</translation>
    </message>
    <message>
        <source>Making the heat maps for the report: file %1 of %2…</source>
        <translation>正在为报告生成热力图：第 %1 个文件，共 %2 个…</translation>
    </message>
    <message>
        <source>Making the JPEG ghosts for the report: file %1 of %2…</source>
        <translation>正在为报告生成 JPEG 幽灵：第 %1 个文件，共 %2 个…</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Where the re-saves put their 8 × 8 block grid: columns and rows past the image&apos;s (0, 0: the image&apos;s own). A region pasted from another JPEG at a position that is no multiple of 8 keeps its own grid, and its ghost shows only on that grid: the rest then changes least at the highest quality everywhere, and the region stands out as a dip at its first quality.</source>
        <translation>重新保存时 8 × 8 块网格的位置：相对图像自身网格偏移的列数和行数（0, 0：图像自身的网格）。从另一个 JPEG 粘贴到非 8 的倍数位置的区域保留自己的网格，其幽灵只在该网格上显现：此时其余部分在各处都于最高质量变化最小，而该区域在其最初质量处呈现为一个低谷。</translation>
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
        <translation>JPEG 幽灵：网格相对图像偏移的列数</translation>
    </message>
    <message>
        <source>JPEG ghosts: grid rows past the image&apos;s</source>
        <translation>JPEG 幽灵：网格相对图像偏移的行数</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more folder(s))</source>
        <translation>
            <numerusform>（另有 %n 个文件夹）</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder not read whole</source>
        <translation>文件夹未完整读取</translation>
    </message>
    <message>
        <source>Some images of %1 are not in the case:</source>
        <translation>%1 中的部分图像不在案件中：</translation>
    </message>
    <message>
        <source>Listing %1…</source>
        <translation>正在列出 %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;CLIP-Flow&lt;/b&gt; (%1, backbone %2)&lt;br&gt;%3&lt;br&gt;%4 · %5 · ai_score %6&lt;br&gt;</source>
        <translation>&lt;b&gt;CLIP-Flow&lt;/b&gt;（%1，骨干网络 %2）&lt;br&gt;%3&lt;br&gt;%4 · %5 · ai_score %6&lt;br&gt;</translation>
    </message>
    <message>
        <source>All tabs</source>
        <translation>所有标签页</translation>
    </message>
</context>
<context>
    <name>clipflow::app::ModelDownloader</name>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>文件大于 %1 MB</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>服务器返回 HTTP %1</translation>
    </message>
    <message>
        <source>the server sent an empty file</source>
        <translation>服务器发送了空文件</translation>
    </message>
    <message>
        <source>SHA-256 mismatch: expected %1, got %2</source>
        <translation>SHA-256 不匹配：应为 %1，实为 %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>clipflow::app::ModelManager</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>已安装的模型</translation>
    </message>
    <message>
        <source>Use for CLIP-Flow</source>
        <translation>用于 CLIP-Flow</translation>
    </message>
    <message>
        <source>Use for supervised</source>
        <translation>用于监督式</translation>
    </message>
    <message>
        <source>Install from file…</source>
        <translation>从文件安装…</translation>
    </message>
    <message>
        <source>Download a CLIP model</source>
        <translation>下载 CLIP 模型</translation>
    </message>
    <message>
        <source>CLIP model</source>
        <translation>CLIP 模型</translation>
    </message>
    <message>
        <source>Download URL</source>
        <translation>下载地址</translation>
    </message>
    <message>
        <source>Download CLIP model…</source>
        <translation>下载 CLIP 模型…</translation>
    </message>
    <message>
        <source>Fetched only when you press the button, from this address; the SHA-256 in OpenAI&apos;s URLs is checked. About 350 MB (ViT-B/32) or 900 MB (ViT-L/14).</source>
        <translation>仅在您按下按钮时从此地址下载；会校验 OpenAI 地址中的 SHA-256。约 350 MB（ViT-B/32）或 900 MB（ViT-L/14）。</translation>
    </message>
    <message>
        <source>Install a model</source>
        <translation>安装模型</translation>
    </message>
    <message>
        <source>Models (*.safetensors *.pt *.bin);;All files (*)</source>
        <translation>模型 (*.safetensors *.pt *.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Downloading: %1 MB</source>
        <translation>正在下载：%1 MB</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>下载失败：%1</translation>
    </message>
    <message>
        <source>%1; calibrated on %2 natural photos, FPR %3%</source>
        <translation>%1；用 %2 张自然照片校准，误报率 %3%</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n class(es)</source>
        <translation>
            <numerusform>%1；%n 个类别</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 layers, %3 px</source>
        <translation>%1，%2 层，%3 像素</translation>
    </message>
    <message>
        <source>CLIP-Flow detector</source>
        <translation>CLIP-Flow 检测器</translation>
    </message>
    <message>
        <source>Supervised detector</source>
        <translation>监督式检测器</translation>
    </message>
    <message>
        <source>CLIP backbone</source>
        <translation>CLIP 骨干网络</translation>
    </message>
    <message>
        <source>Select a %1 model in the list first.</source>
        <translation>请先在列表中选择一个%1模型。</translation>
    </message>
    <message>
        <source>CLIP-Flow</source>
        <translation>CLIP-Flow</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>监督式</translation>
    </message>
    <message>
        <source>Active: %1</source>
        <translation>使用中：%1</translation>
    </message>
    <message>
        <source>%1 is not a valid detector model</source>
        <translation>%1 不是有效的检测模型</translation>
    </message>
    <message>
        <source>a model named %1 is already installed</source>
        <translation>已安装名为 %1 的模型</translation>
    </message>
    <message>
        <source>cannot copy to %1</source>
        <translation>无法复制到 %1</translation>
    </message>
    <message>
        <source>Installed %1</source>
        <translation>已安装 %1</translation>
    </message>
    <message>
        <source>Installed CLIP %1 (%2)</source>
        <translation>已安装 CLIP %1（%2）</translation>
    </message>
    <message>
        <source>neither a detector nor a CLIP checkpoint: %1</source>
        <translation>既不是检测器也不是 CLIP 检查点：%1</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>未安装：%1</translation>
    </message>
    <message>
        <source>Cannot download from %1</source>
        <translation>无法从 %1 下载</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>正在下载 %1…</translation>
    </message>
    <message>
        <source>%1; calibrated on %2 natural photos, at most %3% false positives (%4% confidence)</source>
        <translation>%1；基于 %2 张自然照片校准，误报率至多 %3%（置信度 %4%）</translation>
    </message>
    <message>
        <source>%1, read twice (second reading: %2)</source>
        <translation>%1，读取两次（第二种读法：%2）</translation>
    </message>
    <message>
        <source>%1 with the chroma halved</source>
        <translation>%1（色度减半）</translation>
    </message>
</context>
<context>
    <name>clipflow::app::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Report page size</source>
        <translation>报告纸张大小</translation>
    </message>
    <message>
        <source>A new language applies when the program next starts.</source>
        <translation>新语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>Time limit per file</source>
        <translation>每个文件的时间上限</translation>
    </message>
    <message>
        <source>Each image is first read in a separate process; one that takes longer, or crashes it, is reported and skipped, and the queue goes on.</source>
        <translation>每张图像先在独立进程中读取；超时或导致该进程崩溃的图像会被报告并跳过，队列继续处理。</translation>
    </message>
    <message>
        <source>Re-score each image after JPEG and resizing</source>
        <translation>在 JPEG 压缩和缩放后重新评分每张图像</translation>
    </message>
    <message>
        <source>JPEG quality 90 and 75, 75% and 50% size, in memory. A verdict that changes under them is reported as inconclusive. Scoring takes five times as long.</source>
        <translation>在内存中进行 JPEG 质量 90 和 75、75% 和 50% 尺寸处理。在这些处理下发生变化的结论将报告为无定论。评分耗时为原来的五倍。</translation>
    </message>
    <message>
        <source>Robustness checks</source>
        <translation>稳健性检查</translation>
    </message>
    <message>
        <source>none: no signer is trusted</source>
        <translation>无：不信任任何签名者</translation>
    </message>
    <message>
        <source>C2PA trust anchors</source>
        <translation>C2PA 信任锚</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No trust list ships with ClipFlow: valid Content Credentials are shown as signed by their signer, “issuer not on your trust list”. Add the root or intermediate certificates (PEM) of signers you have reason to trust.</source>
        <translation>ClipFlow 不附带信任列表：有效的内容凭证会显示为由其签名者签名，并注明“颁发者不在您的信任列表中”。请添加您有理由信任的签名者的根证书或中间证书（PEM）。</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) will be trusted from the next file analysed.</source>
        <translation>
            <numerusform>从下一个分析的文件起将信任 %n 个证书。</numerusform>
        </translation>
    </message>
    <message>
        <source>A heat map of every file</source>
        <translation>每个文件的热力图</translation>
    </message>
    <message>
        <source>Files whose heat map you did not open get one when the report is exported (seconds for a large photo; kept in the case).</source>
        <translation>导出报告时，为您未打开热力图的文件生成热力图（大照片需数秒；保存在案件中）。</translation>
    </message>
    <message>
        <source>JPEG ghosts of every JPEG</source>
        <translation>每个 JPEG 的 JPEG 幽灵</translation>
    </message>
    <message>
        <source>JPEG files whose ghosts you did not open get them when the report is exported (about a second for a 12 MP photo).</source>
        <translation>导出报告时，为您未打开 JPEG 幽灵的 JPEG 文件生成 JPEG 幽灵（12 MP 照片约需一秒）。</translation>
    </message>
    <message>
        <source>In the report</source>
        <translation>报告中</translation>
    </message>
</context>
<context>
    <name>clipflow::app::TrainingDialog</name>
    <message>
        <source>Train a CLIP-Flow detector</source>
        <translation>训练 CLIP-Flow 检测器</translation>
    </message>
    <message>
        <source>Natural-image folders</source>
        <translation>自然图像文件夹</translation>
    </message>
    <message>
        <source>Photos straight from cameras, never AI images: the detector learns what natural looks like.</source>
        <translation>直接来自相机的照片，绝不能是 AI 图像：检测器学习自然图像的样子。</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>骨干网络</translation>
    </message>
    <message>
        <source>Forensic features (no weights, fast)</source>
        <translation>取证特征（无需权重，快速）</translation>
    </message>
    <message>
        <source>CLIP %1 (%2)</source>
        <translation>CLIP %1（%2）</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标函数</translation>
    </message>
    <message>
        <source>Combined: raise natural, lower proxies</source>
        <translation>组合：提高自然，降低代理</translation>
    </message>
    <message>
        <source>Proxies only: lower proxies</source>
        <translation>仅代理：降低代理</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <source>Runs on: %1</source>
        <translation>运行设备：%1</translation>
    </message>
    <message>
        <source>Choose folders of natural photos, then Start.</source>
        <translation>请选择自然照片文件夹，然后点击开始。</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>训练进度</translation>
    </message>
    <message>
        <source>natural NLL</source>
        <translation>自然 NLL</translation>
    </message>
    <message>
        <source>proxy NLL</source>
        <translation>代理 NLL</translation>
    </message>
    <message>
        <source>Natural photos</source>
        <translation>自然照片</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>取消训练</translation>
    </message>
    <message>
        <source>Folder of natural photos</source>
        <translation>自然照片文件夹</translation>
    </message>
    <message>
        <source>%1: %2 of %3 — about %4 s left</source>
        <translation>%1：%2 / %3 — 约剩 %4 秒</translation>
    </message>
    <message>
        <source>Done: calibrated detector saved to %1. It is now in the model list.</source>
        <translation>完成：已校准的检测器保存到 %1，现已出现在模型列表中。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>The folders hold no images.</source>
        <translation>这些文件夹中没有图像。</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>Starting on %1 photos…</source>
        <translation>正在用 %1 张照片开始…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Learned forensic network (forensic-v2, shipped)</source>
        <translation>学习型取证网络（forensic-v2，随附）</translation>
    </message>
    <message>
        <source>What to train</source>
        <translation>训练对象</translation>
    </message>
    <message>
        <source>A CLIP-Flow detector</source>
        <translation>CLIP-Flow 检测器</translation>
    </message>
    <message>
        <source>The learned backbone (forensic-v2)</source>
        <translation>学习型骨干网络（forensic-v2）</translation>
    </message>
    <message>
        <source>The backbone learns, from natural photos only, to tell them from decoder-like proxies; its weights can then carry a new detector.</source>
        <translation>骨干网络仅从自然照片学习，区分照片与模仿解码器的代理图像；其权重随后可用于训练新的检测器。</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Done: backbone weights saved to %1. Train a detector on them: they are now a Backbone choice.</source>
        <translation>完成：骨干网络权重已保存到 %1。可在其上训练检测器：它们现已列入骨干网络选项。</translation>
    </message>
    <message>
        <source>Learned forensic network (%1)</source>
        <translation>学习型取证网络（%1）</translation>
    </message>
    <message>
        <source>Stopped: %1
Start again to resume from the last checkpoint.</source>
        <translation>已停止：%1
再次开始即可从最近的检查点继续。</translation>
    </message>
    <message>
        <source>Train the learned backbone</source>
        <translation>训练学习型骨干网络</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Train further from existing weights (a new schedule over the steps you choose), or from random weights.</source>
        <translation>从已有权重继续训练（按所选步数重新安排学习率），或从随机权重开始。</translation>
    </message>
    <message>
        <source>Random weights</source>
        <translation>随机权重</translation>
    </message>
    <message>
        <source>The shipped forensic-v2 weights</source>
        <translation>随附的 forensic-v2 权重</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Photos as taken</source>
        <translation>原样拍摄的照片</translation>
    </message>
    <message>
        <source>At most 5% of held-out photos as they are flagged: the most sensitive reading.</source>
        <translation>留出照片按原样最多 5% 被标记：最灵敏的判读。</translation>
    </message>
    <message>
        <source>One threshold, also for photos delivered small (512 px, JPEG 85)</source>
        <translation>单一阈值，也适用于以小尺寸传送的照片（512 像素，JPEG 85）</translation>
    </message>
    <message>
        <source>Per kind: small JPEG copies against photos delivered small</source>
        <translation>按类型：小 JPEG 副本对照以小尺寸传送的照片</translation>
    </message>
    <message>
        <source>Small JPEG files (shorter side at most %1 px) are read against the held-out photos delivered so, every other image against them as taken: each kind keeps its own 5% bound (as the shipped detector does).</source>
        <translation>小 JPEG 文件（短边最多 %1 像素）对照以此方式传送的留出照片判读，其他图像对照原样拍摄的留出照片：每种类型保持各自的 5% 界限（与随附的检测器相同）。</translation>
    </message>
    <message>
        <source>False-positive bound</source>
        <translation>误报上限</translation>
    </message>
    <message>
        <source>The threshold then holds at most 5% false positives for held-out photos shrunk to 512 px and recompressed too: fewer false alarms on such copies, but fewer AI images flagged everywhere (see the method documentation).</source>
        <translation>阈值随后对缩小到 512 像素并重新压缩的留出照片也保持至多 5% 的误报：此类副本的误报更少，但各处被标记的 AI 图像也更少（见方法文档）。</translation>
    </message>
    <message>
        <source>Decoder proxies&apos; strength</source>
        <translation>解码器代理强度</translation>
    </message>
    <message>
        <source>The two decoder proxies (VAE-like decoder, up-sampling cascade) are moved back toward the photo by a strength drawn between this value and 1: a trained decoder keeps its error small, so its traces are weaker than a whole proxy&apos;s. 1 leaves them whole (the shipped recipe); the method documentation says what lower values did.</source>
        <translation>两种解码器代理（类 VAE 解码器、上采样级联）按在此值与 1 之间抽取的强度向原照片回拉：训练好的解码器误差很小，其痕迹比完整代理更弱。1 表示保持完整（随附模型的配方）；较低取值的效果见方法文档。</translation>
    </message>
    <message>
        <source>Read photos in either orientation</source>
        <translation>以任一方向读取照片</translation>
    </message>
    <message>
        <source>Each view is read as it is and transposed, and the more natural reading counts (the held-out photos too), so a photo saved turned a quarter keeps the false-positive bound, as with the shipped detector. Unchecked: the stored pixel grid, which is faster.</source>
        <translation>每个视图按原样和转置后各读取一次，取更自然的读数（留出的照片也如此），因此旋转四分之一圈后保存的照片仍保持误报上限，与随附的检测器相同。不勾选：使用存储的像素网格，速度更快。</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>The shipped forensic-v2 weights, chroma halved</source>
        <translation>随附的 forensic-v2 权重（色度减半）</translation>
    </message>
    <message>
        <source>Read with the chroma halved</source>
        <translation>以减半的色度读取</translation>
    </message>
    <message>
        <source>The network reads every image with its colour averaged over 2 × 2 pixels, as a JPEG saved with 4:2:0 chroma does, so it learns from luminance what colour would tell it too easily: the network of the shipped detector&apos;s second reading. Weights to start from must have been trained so too.</source>
        <translation>网络读取每张图像时将其颜色在 2 × 2 像素上取平均，正如以 4:2:0 色度保存的 JPEG 那样，从而从亮度中学习颜色本会过于轻易透露的信息：即随附检测器第二种读法所用的网络。起始权重也必须以同样方式训练。</translation>
    </message>
    <message>
        <source>Chroma</source>
        <translation>色度</translation>
    </message>
    <message>
        <source>Also read with the chroma halved, as the shipped detector</source>
        <translation>同时以减半色度读取，与随附检测器相同</translation>
    </message>
    <message>
        <source>A second flow is trained over the shipped network that reads the chroma halved, on the decoder proxies, and joined to the first: each view then reads as the less natural of the two (the shipped detector&apos;s recipe; better on AI images saved as JPEG). About twice the time to train and to score. The held-out photos are read as delivered too, so the bound is never for photos as taken only. Needs the forensic-v2 backbone.</source>
        <translation>在随附的减半色度网络上，用解码器代理训练第二个流，并与第一个合并：每个视图取两种读数中较不自然的一个（随附检测器的做法；对保存为 JPEG 的 AI 图像更好）。训练和评分时间约为两倍。保留的照片也按传递后的形式读取，因此界限从不只针对原样照片。需要 forensic-v2 主干。</translation>
    </message>
    <message>
        <source>Second reading</source>
        <translation>第二读数</translation>
    </message>
    <message>
        <source>First reading, </source>
        <translation>第一读数，</translation>
    </message>
    <message>
        <source>Second reading, </source>
        <translation>第二读数，</translation>
    </message>
    <message>
        <source>Both readings joined, </source>
        <translation>两种读数合并，</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>未开始：%1</translation>
    </message>
    <message>
        <source>Cancelled before training began.</source>
        <translation>已在训练开始前取消。</translation>
    </message>
    <message>
        <source>Listing the folders…</source>
        <translation>正在列出文件夹…</translation>
    </message>
</context>
<context>
    <name>clipflow::app::TrainingJob</name>
    <message>
        <source>a second reading needs the forensic-v2 backbone</source>
        <translation>第二读数需要 forensic-v2 主干</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::ImageView</name>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Wheel to zoom, drag to pan, F to fit, 1 for actual size</source>
        <translation>滚轮缩放，拖动平移，F 适应窗口，1 为实际大小</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::LikelihoodHistogram</name>
    <message>
        <source>Log-likelihood (nats/dim); lower = less like natural photos</source>
        <translation>对数似然（nats/维）；越低越不像自然照片</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>Likelihood histogram of natural images</source>
        <translation>自然图像的似然直方图</translation>
    </message>
    <message>
        <source>natural images (held out)</source>
        <translation>自然图像（保留集）</translation>
    </message>
    <message>
        <source>proxy images</source>
        <translation>代理图像</translation>
    </message>
    <message>
        <source>threshold (%1% false positives)</source>
        <translation>阈值（%1% 误报）</translation>
    </message>
    <message>
        <source>Likelihood histogram</source>
        <translation>似然直方图</translation>
    </message>
    <message>
        <source>threshold (at most %1% false positives, %2% confidence)</source>
        <translation>阈值（误报率至多 %1%，置信度 %2%）</translation>
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
        <translation>对数似然（nats/维）
越低越不像自然照片</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>percentile %1%</source>
        <translation>百分位 %1%</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::ProxyPreview</name>
    <message>
        <source>Natural image</source>
        <translation>自然图像</translation>
    </message>
    <message>
        <source>Proxy image</source>
        <translation>代理图像</translation>
    </message>
    <message>
        <source>Natural image (left) and its proxy: %1 (right)</source>
        <translation>自然图像（左）及其代理：%1（右）</translation>
    </message>
    <message>
        <source>natural spectrum</source>
        <translation>自然频谱</translation>
    </message>
    <message>
        <source>proxy spectrum</source>
        <translation>代理频谱</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::RadialProfilePlot</name>
    <message>
        <source>Frequency (cycles/pixel)</source>
        <translation>频率（周期/像素）</translation>
    </message>
    <message>
        <source>Power (dB)</source>
        <translation>功率 (dB)</translation>
    </message>
    <message>
        <source>Radial power profile</source>
        <translation>径向功率分布</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::SpectrumImage</name>
    <message>
        <source>Spectrum</source>
        <translation>频谱</translation>
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
        <translation>频谱</translation>
    </message>
    <message>
        <source>Show the %1 spectrum</source>
        <translation>显示%1频谱</translation>
    </message>
    <message>
        <source>%1 spectrum (log power)</source>
        <translation>%1频谱（对数功率）</translation>
    </message>
    <message>
        <source>natural images</source>
        <translation>自然图像</translation>
    </message>
</context>
<context>
    <name>clipflow::widgets::TrainingMonitor</name>
    <message>
        <source>Training status</source>
        <translation>训练状态</translation>
    </message>
    <message>
        <source>Training loss curves</source>
        <translation>训练损失曲线</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>natural NLL</source>
        <translation>自然 NLL</translation>
    </message>
    <message>
        <source>proxy NLL</source>
        <translation>代理 NLL</translation>
    </message>
    <message>
        <source>Epoch %1 of %2 · %3 samples/s · %4 left · %5</source>
        <translation>第 %1 轮，共 %2 轮 · %3 样本/秒 · 剩余 %4 · %5</translation>
    </message>
</context>
</TS>
